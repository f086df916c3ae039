package io.accesslifecycle.invitations;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * The signed key of an invitation link. It names the stored invitation and the nonce of its current link: a
 * resend changes the nonce, so older links die; the stored row, not the claims, decides whether it still works.
 * It carries no personal data: the invitee's address is in the stored row only. Links issued before that change
 * also carried the address (claim {@code eml}); they still decode (an unknown claim is kept aside by
 * {@link JsonWebToken}, never read) and keep working until their own expiry, like any other link.
 */
public class InvitationToken extends JsonWebToken {

    public static final String TYPE = "access-invitation";

    @JsonProperty("inv")
    private String invitationId;

    @JsonProperty("non")
    private String nonce;

    public InvitationToken(String invitationId, String nonce, long expiresAtSeconds, String issuer) {
        this.invitationId = invitationId;
        this.nonce = nonce;
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
}
