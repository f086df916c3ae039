package io.accesslifecycle.jobs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/access/jobs}: the bundle's jobs as this node ran them (all realms together), for
 * those who may read the settings ({@code view-realm} or {@code view-users}).
 */
public class JobsResource {

    private final AdminPermissionEvaluator auth;
    private final JobRuns runs;

    public JobsResource(AdminPermissionEvaluator auth, JobRuns runs) {
        this.auth = auth;
        this.runs = runs;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<JobRuns.JobRun> list() {
        if (!auth.realm().canViewRealm()) {
            auth.users().requireView();
        }
        return runs.all();
    }
}
