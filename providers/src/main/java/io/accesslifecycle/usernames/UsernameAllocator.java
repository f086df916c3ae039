package io.accesslifecycle.usernames;

import io.accesslifecycle.access.UserListStore;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Applies the realm's username rule against the realm's users. Each prefix the rule asks about is one indexed
 * {@code LIKE 'prefix%'} query on the usernames, so a name with a thousand homonyms still costs one query.
 * The answer is a proposal: under concurrency the database's unique constraint decides, and callers retry.
 */
public final class UsernameAllocator {

    private final KeycloakSession session;
    private final NameNormalizer normalizer;

    public UsernameAllocator(KeycloakSession session, NameNormalizer normalizer) {
        this.session = session;
        this.normalizer = normalizer;
    }

    public UsernameRule rule(RealmModel realm) {
        AccessSettings settings = AccessSettingsStore.read(realm);
        return new UsernameRule(normalizer, settings.usernamePatterns(), settings.usernameMaxLength());
    }

    public UsernameProposal propose(RealmModel realm, String firstName, String lastName) {
        return propose(realm, firstName, lastName, Set.of());
    }

    /**
     * Proposes a username, treating {@code lost} as taken too: the usernames this caller already tried and lost to
     * a concurrent transaction not yet visible to it.
     */
    public UsernameProposal propose(RealmModel realm, String firstName, String lastName, Set<String> lost) {
        UsernameRule rule = rule(realm);
        UsernameRule.Name name = rule.name(firstName, lastName);
        return new UsernameProposal(
                rule.firstFree(name, prefix -> {
                    Set<String> taken = usernamesStartingWith(realm, prefix);
                    taken.addAll(lost);
                    return taken;
                }),
                rule.base(name));
    }

    private Set<String> usernamesStartingWith(RealmModel realm, String prefix) {
        return new UserListStore(session, realm).usernamesStartingWith(prefix);
    }
}
