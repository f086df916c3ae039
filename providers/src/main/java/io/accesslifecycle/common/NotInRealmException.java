package io.accesslifecycle.common;

/** What the request names does not exist in this realm: a 404. */
public class NotInRealmException extends RuntimeException {

    public NotInRealmException(String detail) {
        super(detail);
    }
}
