package io.accesslifecycle.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputsTest {

    @Test
    void namesOfAnyScriptWithJoinersAndEmojiAreText() {
        for (String name :
                new String[] {"Zoë", "Ñúñez-Ørsted", "李小龙", "زهرا\u200Cی", "👩\u200D💻 Ada", "O’Brien", "Αλέξανδρος"}) {
            assertNull(Inputs.unsafeCharacters(name, false), name);
            assertEquals(name, Inputs.text("firstName", name, 255, false));
        }
    }

    @Test
    void controlCharactersAreRefusedLineBreaksOnlyInMultilineText() {
        assertEquals(
                "firstName",
                assertThrows(InputException.class, () -> Inputs.text("firstName", "Eve\r\nBcc: x@y.z", 255, false))
                        .field());
        assertThrows(InputException.class, () -> Inputs.text("lastName", "Adams\u0000", 255, false));
        assertThrows(InputException.class, () -> Inputs.text("note", "bell\u0007", 255, true));
        assertThrows(InputException.class, () -> Inputs.text("note", "next line\u0085", 255, true));
        assertEquals("line one\r\nline two\tend", Inputs.text("message", "line one\r\nline two\tend", 2000, true));
    }

    @Test
    void bidirectionalOverridesAndLoneSurrogatesAreRefused() {
        assertTrue(Inputs.unsafeCharacters("Eve\u202Egro.elpmaxe", false).contains("bidirectional"));
        assertTrue(Inputs.unsafeCharacters("a\u2066b\u2069", true).contains("bidirectional"));
        assertTrue(Inputs.unsafeCharacters("Eve\uD800", false).contains("surrogate"));
        assertTrue(Inputs.unsafeCharacters("\uDC00Eve", false).contains("surrogate"));
        assertNull(Inputs.unsafeCharacters("\uD83D\uDE00", false), "a surrogate pair is one emoji");
    }

    @Test
    void addressesMustAlsoBeSafeText() {
        assertTrue(Inputs.isEmail("ana.lima@example.org"));
        assertFalse(Inputs.isEmail("\u202Egro.elpmaxe@eve"));
        assertFalse(Inputs.isEmail("eve\uD800@example.org"));
        assertFalse(Inputs.isEmail("eve@example.org\r\nBcc: evil@example.org"));
        assertFalse(Inputs.isEmail(null));
    }
}
