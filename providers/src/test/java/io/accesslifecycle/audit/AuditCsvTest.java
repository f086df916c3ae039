package io.accesslifecycle.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void everyCellIsQuotedAndFormulasAreDisarmed() {
        assertEquals("", AuditCsv.cell(null));
        assertEquals("\"a \"\"quoted\"\" note\"", AuditCsv.cell("a \"quoted\" note"));
        assertEquals("\"'=HYPERLINK(1)\"", AuditCsv.cell("=HYPERLINK(1)"));
        assertEquals("\"'+1\"", AuditCsv.cell("+1"));
        assertEquals("\"'-1\"", AuditCsv.cell("-1"));
        assertEquals("\"'@me\"", AuditCsv.cell("@me"));
    }

    @Test
    void aHeaderThenOneLinePerEntry() {
        AuditRecord r = new AuditRecord(
                "id", "2026-12-02T10:00:00Z", "SETTINGS_CHANGED", "a1", "admin", null, null, null, null, "why");
        assertEquals(
                AuditCsv.HEADER + "\r\n"
                        + "\"2026-12-02T10:00:00Z\",\"SETTINGS_CHANGED\",\"a1\",\"admin\",,,,,\"why\"\r\n",
                AuditCsv.of(List.of(r)));
    }
}
