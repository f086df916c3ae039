package io.accesslifecycle.users;

import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The link a declared user receives to choose a password. Bound to the user and to the email it was sent to; used
 * once (the handler refuses repeated use), so following it again after the password is set shows an error page.
 */
public class SetPasswordActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "access-set-password";

    public SetPasswordActionToken(String userId, String email, int absoluteExpirationInSecs, String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        setEmail(email);
        this.issuedFor = clientId;
    }

    private SetPasswordActionToken() {
        // for Jackson
    }
}
