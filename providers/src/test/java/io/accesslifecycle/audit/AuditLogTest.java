package io.accesslifecycle.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class AuditLogTest {

    @Test
    void aStateThatFitsIsKeptAsItIs() {
        String json = "{\"labels\":[\"a\"]}";
        assertSame(json, AuditLog.fit(json));
    }

    @Test
    void aLongStateFullOfQuotesIsCutAfterQuotingSoItFitsTheColumn() throws IOException {
        for (String filler : new String[] {"\\\"", "\"", "\\", "a", "é", "\uD83D\uDE00", "\u0001"}) {
            String json = JsonSerialization.writeValueAsString(java.util.Map.of("labels", filler.repeat(5_000)));
            String stored = AuditLog.fit(json);
            assertTrue(stored.length() <= AuditLog.STATE_COLUMN, filler + ": " + stored.length());
            assertTrue(stored.length() >= AuditLog.STATE_COLUMN - 12, "uses the column: " + stored.length());
            String text = JsonSerialization.readValue(stored, String.class);
            assertTrue(text.startsWith("{\"labels\":\""), text.substring(0, 20));
            assertTrue(text.endsWith("..."));
            assertFalse(Character.isHighSurrogate(text.charAt(text.length() - 4)), "no half character");
        }
    }

    @Test
    void namesAndNotesAreCutWithoutSplittingACharacter() {
        assertEquals("ab", AuditLog.cut("abc", 2));
        assertEquals("a", AuditLog.cut("a\uD83D\uDE00", 2));
        assertEquals(null, AuditLog.cut(null, 2));
        assertEquals(255, AuditLog.cut("x".repeat(300), AuditLog.NAME_COLUMN).length());
    }
}
