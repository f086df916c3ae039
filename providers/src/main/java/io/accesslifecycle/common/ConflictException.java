package io.accesslifecycle.common;

/** The input is valid but clashes with what exists (an address already used, a limit reached): a 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
