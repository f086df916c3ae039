package io.accesslifecycle.tests;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * People of the lifecycle realm made for a test through Keycloak's own admin API (a password, an end date), and
 * what they do: sign in to {@code demo-app} with a password, refresh a token. The sample realm's time zone is UTC.
 */
public final class Accounts {

    public static final String PASSWORD = "Contractor-Passw0rd!";

    private Accounts() {}

    /** Creates an English-speaking user with a password and, if given, an end date; removed after the test class. */
    public static String create(ManagedRealm realm, String username, String accessExpiresOn) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(username);
        u.setEmail(username + "@example.org");
        u.setFirstName("Test");
        u.setLastName("Contractor");
        u.setEnabled(true);
        u.setEmailVerified(true);
        u.setAttributes(
                accessExpiresOn == null
                        ? Map.of("locale", List.of("en"))
                        : Map.of("locale", List.of("en"), "accessExpiresOn", List.of(accessExpiresOn)));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        u.setCredentials(List.of(password));
        String id;
        try (Response r = realm.admin().users().create(u)) {
            if (r.getStatus() != 201) {
                throw new IllegalStateException(
                        "could not create " + username + ": " + r.getStatus() + " " + r.readEntity(String.class));
            }
            String location = r.getLocation().getPath();
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        realm.cleanup().add(r -> {
            try {
                r.users().get(id).remove();
            } catch (NotFoundException gone) {
                // deleted by the test itself (the point of some tests)
            }
        });
        return id;
    }

    public static UserRepresentation read(ManagedRealm realm, String id) {
        return realm.admin().users().get(id).toRepresentation();
    }

    public static boolean exists(ManagedRealm realm, String id) {
        try {
            read(realm, id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Password grant on {@code demo-app}; {@code scope} may ask for {@code offline_access}. */
    public static AccessApi.Response signIn(String base, String username, String scope) {
        return AccessApi.anonymous(base)
                .form(
                        "/realms/" + AccessApi.REALM + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "demo-app",
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "scope",
                                scope));
    }

    public static AccessApi.Response refresh(String base, String refreshToken) {
        return AccessApi.anonymous(base)
                .form(
                        "/realms/" + AccessApi.REALM + "/protocol/openid-connect/token",
                        Map.of("grant_type", "refresh_token", "client_id", "demo-app", "refresh_token", refreshToken));
    }

    /** Today in the realm's time zone (UTC), on the test's clock (without the server's time offset). */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Seconds from now to the next midnight, UTC: a time offset that moves the server to the next day. */
    public static int secondsToNextDay() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return (int) Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC))
                .getSeconds();
    }
}
