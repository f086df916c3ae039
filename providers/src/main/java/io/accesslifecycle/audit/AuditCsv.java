package io.accesslifecycle.audit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit log as CSV (RFC 4180, CRLF lines, every cell quoted), the shape {@code GET /access/audit} answers to
 * {@code Accept: text/csv}: one header line, then one line per entry.
 */
final class AuditCsv {

    static final String HEADER = "time,type,actorId,actorName,targetId,targetName,before,after,note";

    private AuditCsv() {}

    static String of(List<AuditRecord> records) {
        return Stream.concat(
                        Stream.of(HEADER),
                        records.stream()
                                .map(r -> Stream.of(
                                                r.time(),
                                                r.type(),
                                                r.actorId(),
                                                r.actorName(),
                                                r.targetId(),
                                                r.targetName(),
                                                r.before(),
                                                r.after(),
                                                r.note())
                                        .map(AuditCsv::cell)
                                        .collect(Collectors.joining(","))))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so spreadsheets do not run it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
