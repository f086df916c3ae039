package io.accesslifecycle.invitations;

import io.accesslifecycle.common.Realms;
import io.accesslifecycle.outbox.OutboxPayload;
import io.accesslifecycle.outbox.OutboxStore;
import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * Queues the invitation email: who invites, the personal message, what is granted, the link and until when it
 * works, in the invitation's language (else the invitee's account language, else the realm's).
 */
final class InvitationEmail {

    static final String TEMPLATE = "access-invitation.ftl";
    static final String SUBJECT = "accessInvitationSubject";

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationEmail(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * The link of an invitation: signed with the realm's keys, naming the invitation and its current nonce (not the
     * invitee's address: a link is forwarded, logged by proxies and kept in browser histories).
     */
    String link(URI baseUri, InvitationEntity invitation) {
        String issuer = UriBuilder.fromUri(baseUri)
                .path("realms/{realm}")
                .build(realm.getName())
                .toString();
        InvitationToken token = new InvitationToken(
                invitation.getId(), invitation.getTokenNonce(), invitation.getExpiresAt() / 1000, issuer);
        String key = session.tokens().encode(token);
        return UriBuilder.fromUri(baseUri)
                .path("realms/{realm}/" + InvitationAcceptanceProviderFactory.ID)
                .queryParam("key", key)
                .queryParam("kc_locale", language(invitation))
                .build(realm.getName())
                .toString();
    }

    /** Queues the email; the caller has spent it from the administrator's email budget ({@link io.accesslifecycle.budget.EmailBudget}). */
    void queue(URI baseUri, InvitationEntity invitation, InvitationGrants grants, UserModel actor) {
        Locale locale = Locale.forLanguageTag(language(invitation));
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("link", link(baseUri, invitation));
        attributes.put(
                "linkExpiresOn",
                date.format(Instant.ofEpochMilli(invitation.getExpiresAt())
                        .atZone(AccessSettingsStore.read(realm).zone())));
        attributes.put("inviterName", invitation.getInvitedByName() == null ? "" : invitation.getInvitedByName());
        attributes.put("personalMessage", invitation.getMessage() == null ? "" : invitation.getMessage());
        attributes.put("roles", String.join(", ", grants.roles()));
        attributes.put("groups", String.join(", ", grants.groups()));
        attributes.put("labels", String.join(", ", grants.labels()));
        attributes.put(
                "accessExpiresOn",
                grants.accessExpiresOn() == null ? "" : date.format(LocalDate.parse(grants.accessExpiresOn())));
        attributes.put("authorisedCaller", Boolean.toString(grants.authorisedCaller()));
        String realmName = Realms.displayName(realm);
        new OutboxStore(session)
                .enqueue(
                        realm,
                        invitation.getId(),
                        invitation.getEmail(),
                        TEMPLATE,
                        new OutboxPayload(
                                SUBJECT,
                                List.of(attributes.get("inviterName"), realmName),
                                attributes,
                                locale.toLanguageTag(),
                                invitation.getFirstName(),
                                invitation.getLastName()),
                        actor == null ? null : actor.getId());
    }

    private String language(InvitationEntity invitation) {
        if (invitation.getLocale() != null) {
            return invitation.getLocale();
        }
        UserModel existing = session.users().getUserByEmail(realm, invitation.getEmail());
        if (existing != null && existing.getFirstAttribute(UserModel.LOCALE) != null) {
            return existing.getFirstAttribute(UserModel.LOCALE);
        }
        return realm.getDefaultLocale() != null ? realm.getDefaultLocale() : "en";
    }

    static String grantsJson(InvitationGrants grants) {
        try {
            return JsonSerialization.writeValueAsString(grants);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static InvitationGrants grants(InvitationEntity invitation) {
        try {
            return JsonSerialization.readValue(invitation.getGrants(), InvitationGrants.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
