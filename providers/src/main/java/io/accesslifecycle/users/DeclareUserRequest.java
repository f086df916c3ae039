package io.accesslifecycle.users;

import java.util.List;

/** An administrator declares a user: names and email are required, the rest is optional. */
public record DeclareUserRequest(
        String email,
        String firstName,
        String lastName,
        String locale,
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn) {}
