package io.accesslifecycle.usernames;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.usernames.UsernamePattern.Kind;
import io.accesslifecycle.usernames.UsernamePattern.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The username rule of a realm: ordered patterns, the first free candidate wins, and a maximum length that shortens
 * the last name (then the first name) but never drops the counter. Pure logic: who holds which username is asked
 * through a function, once per distinct prefix, never once per taken candidate.
 */
public final class UsernameRule {

    /** Keycloak's default user profile refuses usernames shorter than this. */
    public static final int MIN_LENGTH = 3;

    static final int MAX_COUNTER = 9_999_999;

    private final NameNormalizer normalizer;
    private final List<UsernamePattern> patterns;
    private final int maxLength;

    public UsernameRule(NameNormalizer normalizer, List<String> patterns, int maxLength) {
        this.normalizer = normalizer;
        List<UsernamePattern> parsed =
                new ArrayList<>(patterns.stream().map(UsernamePattern::parse).toList());
        UsernamePattern last = parsed.get(parsed.size() - 1);
        if (parsed.stream().noneMatch(UsernamePattern::counted)) {
            // Without a counter the rule could run out of names: the last pattern gets one.
            parsed.add(new UsernamePattern(last.source() + "{counter}", last.segments(), true));
        }
        this.patterns = List.copyOf(parsed);
        this.maxLength = maxLength;
    }

    /** A name reduced to what usernames are made of. */
    public record Name(String initials, String first, String last) {}

    /** Normalizes the names; a missing name, or one that gives no usable letter, is an error naming the field. */
    public Name name(String firstName, String lastName) {
        if (firstName == null || firstName.isBlank()) {
            throw new InputException("firstName", "is required");
        }
        if (lastName == null || lastName.isBlank()) {
            throw new InputException("lastName", "is required");
        }
        List<String> parts = normalizer.parts(firstName);
        if (parts.isEmpty()) {
            throw new InputException("firstName", "gives no letter or digit that a username could use");
        }
        String last = normalizer.normalize(lastName);
        if (last.isEmpty()) {
            throw new InputException("lastName", "gives no letter or digit that a username could use");
        }
        String initials = parts.stream().map(p -> p.substring(0, 1)).collect(Collectors.joining());
        return new Name(initials, String.join("", parts), last);
    }

    /** What the first pattern gives without any counter: the name a user gets when nobody holds it yet. */
    public String base(Name name) {
        return render(patterns.get(0), name, null);
    }

    /**
     * The first candidate, in pattern order, that {@code taken} does not hold. {@code taken} receives a prefix and
     * answers every username that starts with it; it is asked once per distinct prefix.
     */
    public String firstFree(Name name, Function<String, Set<String>> taken) {
        Map<String, Set<String>> known = new HashMap<>();
        Function<String, Set<String>> lookup = prefix -> lookup(known, prefix, taken);
        for (UsernamePattern pattern : patterns) {
            if (!pattern.counted()) {
                String candidate = render(pattern, name, null);
                if (candidate.length() >= MIN_LENGTH && !lookup.apply(candidate).contains(candidate)) {
                    return candidate;
                }
                continue;
            }
            Set<String> holders =
                    lookup.apply(commonPrefix(render(pattern, name, 2), render(pattern, name, MAX_COUNTER)));
            for (int counter = 2; counter <= MAX_COUNTER; counter++) {
                String candidate = render(pattern, name, counter);
                if (candidate.length() >= MIN_LENGTH && !holders.contains(candidate)) {
                    return candidate;
                }
            }
        }
        throw new InputException("lastName", "every username the rule allows for this name is taken");
    }

    private static Set<String> lookup(
            Map<String, Set<String>> known, String prefix, Function<String, Set<String>> taken) {
        for (Map.Entry<String, Set<String>> e : known.entrySet()) {
            if (prefix.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        Set<String> holders = taken.apply(prefix);
        known.put(prefix, holders);
        return holders;
    }

    /** Renders a pattern; when too long, shortens the last name, then the first name, then the initials. */
    String render(UsernamePattern pattern, Name name, Integer counter) {
        String suffix = counter == null ? "" : Integer.toString(counter);
        int budget = maxLength - suffix.length();
        String[] values = {name.initials(), name.first(), name.last()};
        int excess = length(pattern, values) - budget;
        for (Kind kind : List.of(Kind.LAST, Kind.FIRST, Kind.INITIALS)) {
            int i = kind == Kind.INITIALS ? 0 : kind == Kind.FIRST ? 1 : 2;
            if (excess <= 0) {
                break;
            }
            int uses = (int)
                    pattern.segments().stream().filter(s -> s.kind() == kind).count();
            if (uses == 0) {
                continue;
            }
            int keep = Math.max(1, values[i].length() - ceilDiv(excess, uses));
            excess -= (values[i].length() - keep) * uses;
            values[i] = values[i].substring(0, keep);
        }
        StringBuilder body = new StringBuilder();
        for (Segment s : pattern.segments()) {
            body.append(
                    switch (s.kind()) {
                        case LITERAL -> s.literal();
                        case INITIALS -> values[0];
                        case FIRST -> values[1];
                        case LAST -> values[2];
                    });
        }
        if (body.length() > budget) {
            body.setLength(Math.max(0, budget));
        }
        return body + suffix;
    }

    private static int length(UsernamePattern pattern, String[] values) {
        int length = 0;
        for (Segment s : pattern.segments()) {
            length += switch (s.kind()) {
                case LITERAL -> s.literal().length();
                case INITIALS -> values[0].length();
                case FIRST -> values[1].length();
                case LAST -> values[2].length();
            };
        }
        return length;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
