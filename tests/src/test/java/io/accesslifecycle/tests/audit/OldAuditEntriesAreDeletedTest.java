package io.accesslifecycle.tests.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.AccessRealm;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.Waits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/** Audit entries older than the realm's retention are deleted; newer ones stay. */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class OldAuditEntriesAreDeletedTest {

    @InjectRealm(config = AccessRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void entriesPastTheRetentionAreDeleted() {
        AccessApi api = AccessApi.admin(urls.getBase());
        assertEquals(
                200,
                api.put(AccessApi.access("/config"), Map.of("auditRetentionDays", 10))
                        .status());
        assertEquals(
                1,
                api.get(AccessApi.access("/audit?type=SETTINGS_CHANGED")).json().size());
        timeOffSet.set(9 * 86_400);
        Jobs.ranTwiceMore(urls.getBase(), Jobs.AUDIT_RETENTION);
        assertEquals(
                1,
                AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/audit?type=SETTINGS_CHANGED"))
                        .json()
                        .size());
        timeOffSet.set(11 * 86_400);
        Waits.until(
                "the entry past the retention is deleted",
                () -> AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/audit?type=SETTINGS_CHANGED"))
                        .json()
                        .isEmpty());
        timeOffSet.set(0);
        assertTrue(AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/config"))
                        .json()
                        .get("auditRetentionDays")
                        .asInt()
                == 10);
    }
}
