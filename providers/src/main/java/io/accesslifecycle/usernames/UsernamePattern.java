package io.accesslifecycle.usernames;

import io.accesslifecycle.common.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One username pattern, such as {@code {initials}{last}{counter}}. Placeholders: {@code {initials}} (the initial of
 * each first-name part), {@code {first}} (the whole first name), {@code {last}} (the whole last name) and
 * {@code {counter}} (2, 3, ... on collision; only at the end). Anything else must be a literal {@code [a-z0-9._-]}.
 */
public record UsernamePattern(String source, List<Segment> segments, boolean counted) {

    public enum Kind {
        LITERAL,
        INITIALS,
        FIRST,
        LAST
    }

    public record Segment(Kind kind, String literal) {}

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)}|([a-z0-9._-]+)");

    public static UsernamePattern parse(String source) {
        if (source == null || source.isBlank()) {
            throw invalid(source, "a pattern may not be empty");
        }
        List<Segment> segments = new ArrayList<>();
        boolean counted = false;
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length()) {
            if (!m.find(at) || m.start() != at) {
                throw invalid(
                        source,
                        "unexpected text at position " + at
                                + "; use {initials}, {first}, {last}, {counter} and the characters a-z 0-9 . _ -");
            }
            if (counted) {
                throw invalid(source, "{counter} must come last");
            }
            if (m.group(2) != null) {
                segments.add(new Segment(Kind.LITERAL, m.group(2)));
            } else {
                switch (m.group(1)) {
                    case "initials" -> segments.add(new Segment(Kind.INITIALS, null));
                    case "first" -> segments.add(new Segment(Kind.FIRST, null));
                    case "last" -> segments.add(new Segment(Kind.LAST, null));
                    case "counter" -> counted = true;
                    default -> throw invalid(source, "unknown placeholder {" + m.group(1) + "}");
                }
            }
            at = m.end();
        }
        if (segments.stream().noneMatch(s -> s.kind() != Kind.LITERAL)) {
            throw invalid(source, "a pattern needs at least one of {initials}, {first} or {last}");
        }
        return new UsernamePattern(source, List.copyOf(segments), counted);
    }

    public boolean uses(Kind kind) {
        return segments.stream().anyMatch(s -> s.kind() == kind);
    }

    private static InputException invalid(String source, String why) {
        return new InputException("usernamePatterns", "pattern '" + source + "': " + why);
    }
}
