package io.accesslifecycle.invitations;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * The signed key of an invitation link. It names the stored invitation and the nonce of its current link: a
 * resend changes the nonce, so older links die; the stored row, not the claims, decides whether it still works.
 */
public class InvitationToken extends JsonWebToken {

    public static final String TYPE = "access-invitation";

    @JsonProperty("inv")
    private String invitationId;

    @JsonProperty("non")
    private String nonce;

    @JsonProperty("eml")
    private String email;

    public InvitationToken(String invitationId, String nonce, String email, long expiresAtSeconds, String issuer) {
        this.invitationId = invitationId;
        this.nonce = nonce;
        this.email = email;
        type(TYPE);
        exp(expiresAtSeconds);
        issuer(issuer);
        iat((long) org.keycloak.common.util.Time.currentTime());
    }

    private InvitationToken() {
        // for Jackson
    }

    public String getInvitationId() {
        return invitationId;
    }

    public String getNonce() {
        return nonce;
    }

    public String getEmail() {
        return email;
    }
}
