package io.accesslifecycle.outbox;

import java.util.List;
import java.util.Map;

/** What the delivery needs to render a message in the recipient's language. */
public record OutboxPayload(
        String subjectKey,
        List<String> subjectParams,
        Map<String, String> attributes,
        String locale,
        String firstName,
        String lastName) {}
