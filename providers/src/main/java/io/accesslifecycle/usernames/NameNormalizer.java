package io.accesslifecycle.usernames;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Turns a person's name, in any script, into the lowercase ASCII letters and digits a username is made of.
 * ICU transliterates (Cyrillic, Greek, Arabic, Han... become Latin letters), then accents are dropped, then
 * everything outside {@code [a-z0-9]} goes.
 */
public final class NameNormalizer {

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]");
    /** First-name parts are separated by white space or a hyphen (any Unicode dash). */
    private static final Pattern PART_SEPARATOR = Pattern.compile("[\\s\\p{Pd}]+");

    private final Transliterator toAscii = Transliterator.getInstance("NFKC; Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");

    /** The name's letters and digits, in lowercase ASCII; empty when nothing usable remains. */
    public String normalize(String name) {
        if (name == null) {
            return "";
        }
        String latin;
        // ICU documents Transliterator instances as not safe for concurrent use.
        synchronized (toAscii) {
            latin = toAscii.transliterate(name.strip());
        }
        return NOT_ALLOWED.matcher(latin).replaceAll("");
    }

    /** Each part of a (compound) first name, normalized, without the parts that give nothing. */
    public List<String> parts(String firstName) {
        if (firstName == null) {
            return List.of();
        }
        return Arrays.stream(PART_SEPARATOR.split(firstName.strip()))
                .map(this::normalize)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
