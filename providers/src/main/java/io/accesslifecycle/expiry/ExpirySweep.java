package io.accesslifecycle.expiry;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.offboarding.AccountClosure;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One pass of the expiry job over one realm: restore users whose date was moved, send the reminders that are due,
 * stop the accounts whose end date has come (however long ago), delete those the job stopped a full grace period ago. Users are selected with one
 * query on Keycloak's user-attribute index (name, value), in batches, and each user is handled in a transaction of
 * its own: a node dying mid-pass leaves every user either done or untouched, and the next pass (on any node) goes on.
 */
final class ExpirySweep {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final AccessSettings settings;
    private final LocalDate today;

    ExpirySweep(KeycloakSessionFactory factory, RealmModel realm) {
        this.factory = factory;
        this.realmId = realm.getId();
        this.settings = AccessSettingsStore.read(realm);
        this.today = settings.today();
    }

    /** What the pass did, for the log. */
    record Counts(int restored, int reminded, int expired, int deleted) {
        boolean any() {
            return restored + reminded + expired + deleted > 0;
        }
    }

    Counts run() {
        int restored = restore();
        int reminded = remind();
        int expired = expire();
        int deleted = deleteAfterGrace();
        return new Counts(restored, reminded, expired, deleted);
    }

    private int restore() {
        List<String> ids = inTransaction(s -> new NoticeStore(s)
                .ofKind(s.getContext().getRealm(), NoticeStore.EXPIRED).stream()
                        .map(NoticeEntity::getUserId)
                        .toList());
        return count(
                ids,
                (s, user) -> ExpiryRestoration.restoreIfMoved(
                        s, s.getContext().getRealm(), user, null, "end date moved or cleared within the grace period"));
    }

    private int remind() {
        int most = settings.expiryReminderDays().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
        if (most <= 0) {
            return 0;
        }
        int done = 0;
        for (int first = 0; ; first += BATCH) {
            int offset = first;
            List<String> ids = inTransaction(s -> new EndDateStore(s)
                    .users(realmId, today.toString(), today.plusDays(most).toString(), true, offset, BATCH));
            done += count(ids, this::remindOne);
            if (ids.size() < BATCH) {
                return done;
            }
        }
    }

    private boolean remindOne(KeycloakSession s, UserModel user) {
        LocalDate end = AccessEndDate.read(user.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        if (end == null || !user.isEnabled()) {
            return false;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, end);
        OptionalInt due = AccessEndDate.reminderDue(daysLeft, settings.expiryReminderDays());
        RealmModel realm = s.getContext().getRealm();
        if (due.isEmpty()
                || !new NoticeStore(s).claim(realm, user, NoticeStore.expiryReminder(due.getAsInt()), end.toString())) {
            return false;
        }
        new ExpiryEmails(s, realm).reminder(user, end, daysLeft);
        return true;
    }

    /**
     * Stops every account whose end date has come, however long ago (a date set in the past through any path, or a
     * job that did not run for weeks): the grace period starts from this stop, never from the end date.
     */
    private int expire() {
        return untilNoneLeft(s -> new EndDateStore(s).toStop(realmId, today.toString(), BATCH), this::expireOne);
    }

    private boolean expireOne(KeycloakSession s, UserModel user) {
        RealmModel realm = s.getContext().getRealm();
        LocalDate end = AccessEndDate.read(user.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        if (!AccessEndDate.hasEnded(end, today)) {
            return false;
        }
        NoticeStore notices = new NoticeStore(s);
        if (!user.isEnabled() && notices.any(user, NoticeStore.EXPIRED)) {
            return false;
        }
        boolean wasEnabled = user.isEnabled();
        boolean first = notices.claim(realm, user, NoticeStore.EXPIRED, end.toString());
        LocalDate stoppedOn = notices.stoppedOn(user, settings.zone());
        LocalDate deletionOn = AccessEndDate.deletionOn(stoppedOn, today, settings.expiryGraceDays());
        AccountClosure.disable(s, realm, user);
        user.setSingleAttribute(AccessEndDate.EXPIRED_AT_ATTRIBUTE, (stoppedOn == null ? today : stoppedOn).toString());
        user.setSingleAttribute(AccessEndDate.STATUS_ATTRIBUTE, AccessStatus.EXPIRED_GRACE.value());
        if (first) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("enabled", false);
            after.put("deletionOn", deletionOn.toString());
            String late =
                    end.isBefore(today) ? " (found past on " + today + ": the grace period counts from today)" : "";
            new AuditLog(s)
                    .record(
                            realm,
                            AuditLog.Type.ACCESS_EXPIRED,
                            null,
                            user.getId(),
                            user.getUsername(),
                            Map.of("enabled", wasEnabled, "accessExpiresOn", end.toString()),
                            after,
                            "access ended on " + end + late + "; the account is deleted on " + deletionOn
                                    + " unless the end date is moved or cleared");
            new ExpiryEmails(s, realm).expired(user, end, deletionOn);
        }
        return true;
    }

    /** Deletes the accounts that the job stopped a full grace period ago (or more) and whose date still stands. */
    private int deleteAfterGrace() {
        long before = today.minusDays(settings.expiryGraceDays())
                .plusDays(1)
                .atStartOfDay(settings.zone())
                .toInstant()
                .toEpochMilli();
        return untilNoneLeft(
                s -> new NoticeStore(s).stoppedBefore(s.getContext().getRealm(), before, BATCH), this::deleteOne);
    }

    private boolean deleteOne(KeycloakSession s, UserModel user) {
        RealmModel realm = s.getContext().getRealm();
        LocalDate end = AccessEndDate.read(user.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        LocalDate stoppedOn = new NoticeStore(s).stoppedOn(user, settings.zone());
        // only an account the job itself stopped, still stopped, whose date still stands, a full grace after the stop
        if (user.isEnabled()
                || !AccessEndDate.hasEnded(end, today)
                || !AccessEndDate.deletionDue(stoppedOn, today, settings.expiryGraceDays())) {
            return false;
        }
        // Who, when (the entry's time) and why; nothing else about the person.
        new AuditLog(s)
                .record(
                        realm,
                        AuditLog.Type.ACCOUNT_DELETED,
                        null,
                        user.getId(),
                        user.getUsername(),
                        null,
                        null,
                        "access ended on " + end + " (stopped on " + stoppedOn + ") and was not extended within the "
                                + settings.expiryGraceDays() + "-day grace period");
        AccountClosure.withdrawPending(
                s, realm, user, null, user.getUsername() + " was deleted after the grace period");
        AccountClosure.delete(s, realm, user);
        return true;
    }

    /** Selects a batch, handles it, and again, until a batch brings nobody new (handled users leave the selection). */
    private int untilNoneLeft(
            Function<KeycloakSession, List<String>> select, BiPredicate<KeycloakSession, UserModel> action) {
        Set<String> seen = new HashSet<>();
        int done = 0;
        while (true) {
            List<String> ids = inTransaction(select).stream().filter(seen::add).toList();
            if (ids.isEmpty()) {
                return done;
            }
            done += count(ids, action);
        }
    }

    private int count(List<String> userIds, BiPredicate<KeycloakSession, UserModel> action) {
        int done = 0;
        for (String id : userIds) {
            try {
                Boolean did = inTransaction(s -> {
                    UserModel user = s.users().getUserById(s.getContext().getRealm(), id);
                    return user != null && action.test(s, user);
                });
                done += did ? 1 : 0;
            } catch (RuntimeException e) {
                // Another node handled the same user at the same moment (unique notice), or a transient failure:
                // the next pass looks at this user again.
                LOG.warnf(
                        "Expiry job: user %s in realm %s left for the next run (%s)",
                        id, realmId, e.getClass().getSimpleName());
            }
        }
        return done;
    }

    private <T> T inTransaction(Function<KeycloakSession, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            RealmModel realm = s.realms().getRealm(realmId);
            s.getContext().setRealm(realm);
            return work.apply(s);
        });
    }
}
