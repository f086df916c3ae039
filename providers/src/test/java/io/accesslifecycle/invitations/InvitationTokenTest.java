package io.accesslifecycle.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class InvitationTokenTest {

    @Test
    void aNewKeyNamesTheInvitationAndItsNonceButNoAddress() throws IOException {
        String claims = JsonSerialization.writeValueAsString(
                new InvitationToken("inv-1", "nonce-1", 2_000_000_000L, "https://id.example.org/realms/lifecycle"));
        assertFalse(claims.contains("eml"), claims);
        assertFalse(claims.contains("@"), claims);
        InvitationToken read = JsonSerialization.readValue(claims, InvitationToken.class);
        assertEquals("inv-1", read.getInvitationId());
        assertEquals("nonce-1", read.getNonce());
        assertEquals(InvitationToken.TYPE, read.getType());
    }

    @Test
    void aKeyIssuedBeforeTheChangeWithTheAddressStillReadsTheSame() throws IOException {
        String old = "{\"exp\":2000000000,\"iat\":1700000000,\"iss\":\"https://id.example.org/realms/lifecycle\","
                + "\"typ\":\"access-invitation\",\"inv\":\"inv-1\",\"non\":\"nonce-1\",\"eml\":\"alice@example.org\"}";
        InvitationToken read = JsonSerialization.readValue(old, InvitationToken.class);
        assertEquals("inv-1", read.getInvitationId());
        assertEquals("nonce-1", read.getNonce());
        assertEquals(InvitationToken.TYPE, read.getType());
    }
}
