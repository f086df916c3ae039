package io.accesslifecycle.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    record Sample(String name, Integer count, Boolean flag, List<String> tags) {}

    private static InputException refused(String body) {
        return assertThrows(InputException.class, () -> JsonBody.read(body, Sample.class));
    }

    @Test
    void aWellFormedBodyIsRead() {
        assertEquals(
                new Sample("a", 2, true, List.of("x")),
                JsonBody.read("{\"name\":\"a\",\"count\":2,\"flag\":true,\"tags\":[\"x\"]}", Sample.class));
    }

    @Test
    void wrongTypesAreNotCoerced() {
        assertEquals("count", refused("{\"count\": \"2\"}").field());
        assertEquals("count", refused("{\"count\": 2.5}").field());
        assertEquals("count", refused("{\"count\": 99999999999}").field());
        assertEquals("flag", refused("{\"flag\": \"true\"}").field());
        assertEquals("name", refused("{\"name\": 42}").field());
        assertEquals("name", refused("{\"name\": false}").field());
        assertEquals("tags", refused("{\"tags\": \"x\"}").field());
        assertEquals("tags[0]", refused("{\"tags\": [1]}").field());
    }

    @Test
    void unknownAndRepeatedFieldsAreNamed() {
        assertEquals("nmae", refused("{\"nmae\": \"a\"}").field());
        assertEquals("name", refused("{\"name\": \"a\", \"name\": \"b\"}").field());
    }

    @Test
    void whatIsNotOneJsonObjectIsABodyError() {
        for (String body : new String[] {
            "", " ", "null", "[]", "42", "{} {}", "{\"name\": ", "{'name': 'a'}", "[".repeat(5_000) + "]".repeat(5_000)
        }) {
            assertEquals("body", refused(body).field(), body.length() > 20 ? body.substring(0, 20) : body);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeParsing() {
        String big = "{\"name\": \"" + "x".repeat(JsonBody.MAX_CHARS) + "\"}";
        InputException e = refused(big);
        assertInstanceOf(BodyTooLargeException.class, e);
        assertEquals("body", e.field());
    }
}
