package io.accesslifecycle.admin;

import io.accesslifecycle.access.CatalogueResource;
import io.accesslifecycle.audit.AuditResource;
import io.accesslifecycle.callers.AuthorisedCallers;
import io.accesslifecycle.callers.AuthorisedCallersResource;
import io.accesslifecycle.common.ErrorResponses;
import io.accesslifecycle.expiry.ExpirationsResource;
import io.accesslifecycle.invitations.InvitationService;
import io.accesslifecycle.invitations.InvitationsResource;
import io.accesslifecycle.jobs.JobRuns;
import io.accesslifecycle.jobs.JobsResource;
import io.accesslifecycle.labels.LabelsResource;
import io.accesslifecycle.offboarding.Offboarding;
import io.accesslifecycle.offboarding.OffboardingResource;
import io.accesslifecycle.requests.AccessRequests;
import io.accesslifecycle.requests.RequestsResource;
import io.accesslifecycle.settings.AccessSettingsStore;
import io.accesslifecycle.settings.RefusedSettingsLog;
import io.accesslifecycle.settings.SettingsResource;
import io.accesslifecycle.usernames.NameNormalizer;
import io.accesslifecycle.usernames.UsernameAllocator;
import io.accesslifecycle.usernames.UsernamesResource;
import io.accesslifecycle.users.UserDeclarationService;
import io.accesslifecycle.users.UsersResource;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The root of {@code /admin/realms/{realm}/access}: locates one sub-resource per capability. */
public class AccessAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UsernameAllocator usernames;
    private final RefusedSettingsLog refusals;
    private final JobRuns runs;

    public AccessAdminResource(
            KeycloakSession session,
            RealmModel realm,
            AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent,
            NameNormalizer normalizer,
            RefusedSettingsLog refusals,
            JobRuns runs) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.usernames = new UsernameAllocator(session, normalizer);
        this.refusals = refusals;
        this.runs = runs;
    }

    /**
     * Every endpoint but {@code /config} answers only in a realm that turned the bundle on; elsewhere, after the
     * caller's right to read users was checked (so that nobody else learns anything), a 409 that says how to turn it on.
     */
    private void requireEnabled() {
        if (!AccessSettingsStore.enabled(realm)) {
            auth.users().requireView();
            throw ErrorResponses.of(
                    Response.Status.CONFLICT,
                    "not_enabled",
                    "enabled",
                    "Access Lifecycle is not enabled in realm " + realm.getName()
                            + "; a realm administrator turns it on" + " with PUT /admin/realms/" + realm.getName()
                            + "/access/config {\"enabled\": true}");
        }
    }

    @Path("jobs")
    public JobsResource jobs() {
        requireEnabled();
        return new JobsResource(auth, runs);
    }

    @Path("usernames")
    public UsernamesResource usernames() {
        requireEnabled();
        return new UsernamesResource(realm, auth, usernames);
    }

    @Path("users")
    public UsersResource users() {
        requireEnabled();
        return new UsersResource(
                session, realm, auth, adminEvent, new UserDeclarationService(session, realm, auth, usernames));
    }

    @Path("invitations")
    public InvitationsResource invitations() {
        requireEnabled();
        return new InvitationsResource(session, auth, adminEvent, new InvitationService(session, realm, auth));
    }

    @Path("catalogue")
    public CatalogueResource catalogue() {
        requireEnabled();
        return new CatalogueResource(session, realm, auth);
    }

    @Path("labels")
    public LabelsResource labels() {
        requireEnabled();
        return new LabelsResource(session, realm, auth);
    }

    @Path("authorised-callers")
    public AuthorisedCallersResource authorisedCallers() {
        requireEnabled();
        return new AuthorisedCallersResource(new AuthorisedCallers(session, realm), auth);
    }

    @Path("requests")
    public RequestsResource requests() {
        requireEnabled();
        return new RequestsResource(new AccessRequests(session, realm), auth, adminEvent);
    }

    @Path("audit")
    public AuditResource audit() {
        requireEnabled();
        return new AuditResource(session, realm, auth);
    }

    @Path("expirations")
    public ExpirationsResource expirations() {
        requireEnabled();
        return new ExpirationsResource(session, realm, auth);
    }

    @Path("offboarding")
    public OffboardingResource offboarding() {
        requireEnabled();
        return new OffboardingResource(new Offboarding(session, realm, auth), auth, adminEvent);
    }

    @Path("config")
    public SettingsResource config() {
        return new SettingsResource(session, realm, auth, adminEvent, refusals);
    }
}
