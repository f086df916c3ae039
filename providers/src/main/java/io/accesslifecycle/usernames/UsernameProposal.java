package io.accesslifecycle.usernames;

/** The username a new user would get now, and the base the rule starts from (before any counter). */
public record UsernameProposal(String username, String base) {}
