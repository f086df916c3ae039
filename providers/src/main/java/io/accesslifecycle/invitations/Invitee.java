package io.accesslifecycle.invitations;

/** One person to invite. */
public record Invitee(String email, String firstName, String lastName) {}
