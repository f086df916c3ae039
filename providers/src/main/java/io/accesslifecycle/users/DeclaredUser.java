package io.accesslifecycle.users;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The answer to a declaration: the new account's id and generated username, and whether the set-password email
 * was accepted by the SMTP server ({@code sent}) or not ({@code failed}; send it again with
 * {@code POST /users/{id}/set-password-email}).
 */
public record DeclaredUser(String id, String username, EmailOutcome setPasswordEmail) {

    /** Whether the SMTP server accepted the email. */
    public enum EmailOutcome {
        SENT,
        FAILED;

        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static EmailOutcome of(boolean sent) {
            return sent ? SENT : FAILED;
        }
    }
}
