package io.accesslifecycle.common;

/** What the request names does not exist in this realm: a 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
