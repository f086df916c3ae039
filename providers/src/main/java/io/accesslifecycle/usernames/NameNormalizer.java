package io.accesslifecycle.usernames;

import com.ibm.icu.text.Transliterator;
import io.accesslifecycle.common.InputException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a person's name, in any script, into the lowercase ASCII letters and digits a username is made of.
 * ICU transliterates (Cyrillic, Greek, Arabic, Han... become Latin letters), then accents are dropped, then
 * everything outside {@code [a-z0-9]} goes.
 */
public final class NameNormalizer {

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]");
    /** First-name parts are separated by white space or a hyphen (any Unicode dash). */
    private static final Pattern PART_SEPARATOR = Pattern.compile("[\\s\\p{Pd}]+");

    /**
     * The longest first or last name accepted (Keycloak's default user profile allows 255 too). Longer names are
     * refused before any transliteration, so one request cannot hold the transliterator for long.
     */
    public static final int MAX_NAME_LENGTH = 255;

    private final Transliterator toAscii =
            Transliterator.getInstance("NFKC; Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");

    /** The name's letters and digits, in lowercase ASCII; empty when nothing usable remains. */
    public String normalize(String name) {
        if (name == null) {
            return "";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InputException("name", "has at most " + MAX_NAME_LENGTH + " characters");
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
        if (firstName.length() > MAX_NAME_LENGTH) {
            throw new InputException("firstName", "has at most " + MAX_NAME_LENGTH + " characters");
        }
        return Arrays.stream(PART_SEPARATOR.split(firstName.strip()))
                .map(this::normalize)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
