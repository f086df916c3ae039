package io.accesslifecycle.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/access/catalogue}: the roles and groups this administrator may give, with their
 * descriptions in English and French (a description written {@code ${key}} is looked up in the realm's
 * translations), so that pages can show them as help text. Keycloak's own system clients are left out.
 */
public class CatalogueResource {

    private static final Set<String> SYSTEM_CLIENTS = Set.of(
            Constants.REALM_MANAGEMENT_CLIENT_ID,
            Constants.BROKER_SERVICE_CLIENT_ID,
            Constants.ACCOUNT_MANAGEMENT_CLIENT_ID,
            Constants.ACCOUNT_CONSOLE_CLIENT_ID,
            Constants.ADMIN_CLI_CLIENT_ID,
            Constants.ADMIN_CONSOLE_CLIENT_ID);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoleEntry(
            String ref, String name, String clientId, String description, String descriptionEn, String descriptionFr) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupEntry(String path, String name, String description) {}

    public record Catalogue(List<RoleEntry> roles, List<GroupEntry> groups) {}

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public CatalogueResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Catalogue read() {
        auth.users().requireView();
        Map<String, String> en = realm.getRealmLocalizationTextsByLocale("en");
        Map<String, String> fr = realm.getRealmLocalizationTextsByLocale("fr");
        RoleModel defaults = realm.getDefaultRole();
        GrantRights rights = GrantRights.of(realm, auth);
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
                .map(g -> new GroupEntry(References.of(g), g.getName(), description(g)))
                .sorted(Comparator.comparing(GroupEntry::path))
                .toList();
        return new Catalogue(roles, groups);
    }

    private static String description(GroupModel group) {
        return group.getDescription();
    }

    private static String localized(String text, Map<String, String> translations) {
        if (text != null && text.startsWith("${") && text.endsWith("}")) {
            return translations.getOrDefault(text.substring(2, text.length() - 1), text);
        }
        return text;
    }
}
