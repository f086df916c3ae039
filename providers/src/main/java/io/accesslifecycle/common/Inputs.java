package io.accesslifecycle.common;

import org.keycloak.models.RealmModel;
import org.keycloak.utils.EmailValidationUtil;

/** Checks shared by every endpoint: free text, locales, paging. Each failure names its field. */
public final class Inputs {

    private Inputs() {}

    /** Paging: {@code first} from 0, {@code max} from 1 to {@code limit}. */
    public record Page(int first, int max) {}

    public static Page page(Integer first, Integer max, int defaultMax, int limit) {
        int f = first == null ? 0 : first;
        int m = max == null ? defaultMax : max;
        if (f < 0) {
            throw new InputException("first", "must be 0 or more");
        }
        if (m < 1 || m > limit) {
            throw new InputException("max", "must be between 1 and " + limit);
        }
        return new Page(f, m);
    }

    /** One of the realm's locales, or null when none is given. */
    public static String locale(RealmModel realm, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String locale = value.strip();
        if (!realm.isInternationalizationEnabled()
                || realm.getSupportedLocalesStream().noneMatch(locale::equals)) {
            throw new InputException(
                    "locale",
                    "must be one of the realm's locales: "
                            + String.join(
                                    ", ", realm.getSupportedLocalesStream().toList()));
        }
        return locale;
    }

    /**
     * Optional free text, stripped: at most {@code max} characters, no control characters (line breaks and tabs
     * allowed when {@code multiline}); null when blank.
     */
    public static String text(String field, String value, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InputException(field, "has at most " + max + " characters");
        }
        String unsafe = unsafeCharacters(v, multiline);
        if (unsafe != null) {
            throw new InputException(field, unsafe);
        }
        return v;
    }

    /**
     * Why a text may not be stored, or null when it may: control characters (line breaks and tabs allowed when
     * {@code multiline}), bidirectional overrides and isolates (they make a text display as something else, e.g. an
     * address written backwards), and lone UTF-16 surrogates (not Unicode text; a database would store them as '?').
     * Letters of any script, accents, emoji and joiners (U+200C, U+200D) are fine.
     */
    public static String unsafeCharacters(String value, boolean multiline) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return "may not contain control characters";
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "may not contain bidirectional override characters";
            }
            if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
                return "is not valid Unicode text (a lone surrogate)";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * Is this an address we may write to: Keycloak's email syntax check, and nothing {@link #unsafeCharacters}
     * refuses (an address written backwards with a bidirectional override passes Keycloak's check).
     */
    public static boolean isEmail(String address) {
        return address != null && EmailValidationUtil.isValidEmail(address) && unsafeCharacters(address, false) == null;
    }

    /** A required name: like {@link #text} on one line, with inner white space folded. */
    public static String name(String field, String value) {
        String v = text(field, value, 255, false);
        if (v == null) {
            throw new InputException(field, "is required");
        }
        return v.replaceAll("\\s+", " ");
    }
}
