package io.accesslifecycle.common;

import java.io.IOException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads request bodies strictly, so that a typo in a field name or a wrong type is a 400 that names the field
 * instead of a silently ignored value.
 */
public final class JsonBody {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private JsonBody() {
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InputException("body", "a JSON object is required");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw new InputException("body", "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(path(e), "is not a known field");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new InputException(field.isEmpty() ? "body" : field, "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InputException("body", "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InputException("body", "could not be read");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
