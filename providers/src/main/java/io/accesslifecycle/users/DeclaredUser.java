package io.accesslifecycle.users;

/**
 * The answer to a declaration: the new account's id and generated username, and whether the set-password email
 * was accepted by the SMTP server ({@code sent}) or not ({@code failed}; send it again with
 * {@code POST /users/{id}/set-password-email}).
 */
public record DeclaredUser(String id, String username, String setPasswordEmail) {}
