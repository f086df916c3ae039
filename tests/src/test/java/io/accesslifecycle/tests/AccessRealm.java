package io.accesslifecycle.tests;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;

/**
 * The smallest realm the access API answers in, for test classes that need no more than an administrator and the
 * bundle turned on: the realm {@value AccessApi#REALM}, {@code accessLifecycle.enabled}, and {@code realm-admin}
 * with the rights of the sample realm's (users and realm administration). Classes that need the sample's roles,
 * groups, people, clients, flows or themes import {@code /lifecycle-realm.json} instead.
 */
public class AccessRealm implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm.name(AccessApi.REALM)
                .attribute("accessLifecycle.enabled", "true")
                .users(UserBuilder.create(AccessApi.ADMIN)
                        .password(AccessApi.ADMIN_PASSWORD)
                        .name("Realm", "Admin")
                        .email("realm-admin@lifecycle.test")
                        .emailVerified(true)
                        .clientRoles(
                                "realm-management",
                                "manage-users",
                                "view-users",
                                "query-groups",
                                "query-users",
                                "view-realm",
                                "manage-realm"));
    }
}
