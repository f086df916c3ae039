package io.accesslifecycle.labels;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules for labels: trimmed, 1 to 64 characters, no control characters, at most 50 per user, no repeats. */
public final class Labels {

    public static final String ATTRIBUTE = "labels";
    public static final int MAX_LENGTH = 64;
    public static final int MAX_COUNT = 50;

    private Labels() {}

    public static List<String> normalize(String field, List<String> labels) {
        if (labels == null) {
            return List.of();
        }
        if (labels.size() > MAX_COUNT) {
            throw new InputException(field, "at most " + MAX_COUNT + " labels");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String label : labels) {
            String value = label == null ? "" : label.strip();
            if (value.isEmpty()) {
                throw new InputException(field, "a label may not be empty");
            }
            if (value.length() > MAX_LENGTH) {
                throw new InputException(
                        field,
                        "a label has at most " + MAX_LENGTH + " characters: '"
                                + value.substring(0, value.offsetByCodePoints(0, 20)) + "...'");
            }
            String unsafe = Inputs.unsafeCharacters(value, false);
            if (unsafe != null) {
                throw new InputException(field, "a label " + unsafe);
            }
            clean.add(value);
        }
        return List.copyOf(clean);
    }
}
