package io.accesslifecycle.common;

/**
 * A rule rejected an input field. Thrown by plain rule classes (no HTTP in them); resources turn it into a 400.
 */
public class InputException extends RuntimeException {

    private final String field;

    public InputException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
