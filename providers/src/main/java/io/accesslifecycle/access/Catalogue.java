package io.accesslifecycle.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The roles and groups an administrator may give, with their descriptions in English and French (a description
 * written {@code ${key}} is looked up in the realm's translations), so that pages can show them as help text.
 * Keycloak's own system clients are left out.
 */
public final class Catalogue {

    private static final Set<String> SYSTEM_CLIENTS = Set.of(
            Constants.REALM_MANAGEMENT_CLIENT_ID,
            Constants.BROKER_SERVICE_CLIENT_ID,
            Constants.ACCOUNT_MANAGEMENT_CLIENT_ID,
            Constants.ACCOUNT_CONSOLE_CLIENT_ID,
            Constants.ADMIN_CLI_CLIENT_ID,
            Constants.ADMIN_CONSOLE_CLIENT_ID);

    /** A role: its reference ({@code role} or {@code client/role}), its client if any, its descriptions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoleEntry(
            String ref, String name, String clientId, String description, String descriptionEn, String descriptionFr) {}

    /** A group: its path, name and description. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupEntry(String path, String name, String description) {}

    /** What {@code GET /access/catalogue} answers. */
    public record Entries(List<RoleEntry> roles, List<GroupEntry> groups) {}

    private final KeycloakSession session;
    private final RealmModel realm;

    public Catalogue(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The roles (the realm's default role aside) and groups these rights may give, sorted by reference. */
    public Entries grantableWith(GrantRights rights) {
        Map<String, String> en = realm.getRealmLocalizationTextsByLocale("en");
        Map<String, String> fr = realm.getRealmLocalizationTextsByLocale("fr");
        RoleModel defaults = realm.getDefaultRole();
        Stream<RoleModel> realmRoles = realm.getRolesStream().filter(r -> !r.equals(defaults));
        Stream<RoleModel> clientRoles = realm.getClientsStream()
                .filter(c -> !SYSTEM_CLIENTS.contains(c.getClientId()))
                .flatMap(ClientModel::getRolesStream);
        List<RoleEntry> roles = Stream.concat(realmRoles, clientRoles)
                .filter(rights::mayGrant)
                .map(r -> new RoleEntry(
                        References.of(r),
                        r.getName(),
                        r.isClientRole() ? ((ClientModel) r.getContainer()).getClientId() : null,
                        r.getDescription(),
                        localized(r.getDescription(), en),
                        localized(r.getDescription(), fr)))
                .sorted(Comparator.comparing(RoleEntry::ref))
                .toList();
        List<GroupEntry> groups = session.groups()
                .getGroupsStream(realm)
                .filter(rights::mayGrant)
                .map(g -> new GroupEntry(References.of(g), g.getName(), g.getDescription()))
                .sorted(Comparator.comparing(GroupEntry::path))
                .toList();
        return new Entries(roles, groups);
    }

    private static String localized(String text, Map<String, String> translations) {
        if (text != null && text.startsWith("${") && text.endsWith("}")) {
            return translations.getOrDefault(text.substring(2, text.length() - 1), text);
        }
        return text;
    }
}
