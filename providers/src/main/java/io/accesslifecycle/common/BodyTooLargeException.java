package io.accesslifecycle.common;

/** A request body over the API's size limit: answered 413, before any parsing. */
public class BodyTooLargeException extends InputException {

    public BodyTooLargeException(String detail) {
        super("body", detail);
    }
}
