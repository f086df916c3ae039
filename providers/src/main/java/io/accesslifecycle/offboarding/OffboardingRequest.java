package io.accesslifecycle.offboarding;

import java.util.List;

/** Who leaves ({@code usernames}: usernames or email addresses), how ({@code disable} or {@code delete}), and why. */
public record OffboardingRequest(List<String> usernames, String mode, String note) {}
