package io.accesslifecycle.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table whose columns are padded, so it reads the same on a terminal and in a rendered file. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;

    Table(String... header) {
        rows.add(header);
        right = new boolean[header.length];
    }

    /** Right-aligns the given columns (numbers). */
    Table right(int... columns) {
        for (int c : columns) {
            right[c] = true;
        }
        return this;
    }

    Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]).replace("|", "\\|");
        }
        rows.add(r);
        return this;
    }

    String render() {
        int n = rows.get(0).length;
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(Math.max(width[i], 3), width(r[i]));
            }
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            line(b, rows.get(k), width);
            if (k == 0) {
                b.append('|');
                for (int i = 0; i < n; i++) {
                    b.append(right[i] ? " " + "-".repeat(width[i] - 1) + ": |" : " " + "-".repeat(width[i]) + " |");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Terminal columns: East Asian wide characters take two. */
    static int width(String s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F)
                || (c >= 0x2E80 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x20000 && c <= 0x3FFFD);
    }

    private void line(StringBuilder b, String[] r, int[] width) {
        b.append('|');
        for (int i = 0; i < r.length; i++) {
            String pad = " ".repeat(width[i] - width(r[i]));
            b.append(' ').append(right[i] ? pad + r[i] : r[i] + pad).append(" |");
        }
        b.append('\n');
    }
}
