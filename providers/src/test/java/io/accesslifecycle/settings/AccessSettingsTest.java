package io.accesslifecycle.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.accesslifecycle.common.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {

    private static AccessSettingsUpdate only(Integer lifespan, Integer maxLength, String zone) {
        return new AccessSettingsUpdate(
                null, lifespan, null, null, null, null, maxLength, null, null, null, null, null, zone, null, null, null,
                null, null, null, null);
    }

    private static AccessSettingsUpdate emailsPerHour(Integer limit) {
        return new AccessSettingsUpdate(
                null, null, null, null, null, null, null, null, null, null, null, null, null, limit, null, null, null,
                null, null, null);
    }

    private static AccessSettingsUpdate retention(Integer outbox, Integer invitations, Integer requests) {
        return new AccessSettingsUpdate(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                outbox,
                invitations,
                requests,
                null,
                null,
                null);
    }

    @Test
    void retentionPeriodsHaveTheirDefaultsAndAreBetweenOneDayAndTenYears() {
        assertEquals(30, AccessSettings.DEFAULTS.outboxRetentionDays());
        assertEquals(90, AccessSettings.DEFAULTS.decidedInvitationRetentionDays());
        assertEquals(90, AccessSettings.DEFAULTS.decidedRequestRetentionDays());
        AccessSettings changed = retention(1, 3_650, 7).applyTo(AccessSettings.DEFAULTS);
        assertEquals(
                List.of(1, 3_650, 7),
                List.of(
                        changed.outboxRetentionDays(),
                        changed.decidedInvitationRetentionDays(),
                        changed.decidedRequestRetentionDays()));
        assertEquals(
                "outboxRetentionDays",
                assertThrows(
                                InputException.class,
                                () -> retention(0, null, null).applyTo(AccessSettings.DEFAULTS))
                        .field());
        assertEquals(
                "decidedInvitationRetentionDays",
                assertThrows(
                                InputException.class,
                                () -> retention(null, 3_651, null).applyTo(AccessSettings.DEFAULTS))
                        .field());
        assertEquals(
                "decidedRequestRetentionDays",
                assertThrows(
                                InputException.class,
                                () -> retention(null, null, -1).applyTo(AccessSettings.DEFAULTS))
                        .field());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        AccessSettings d = AccessSettings.DEFAULTS;
        assertEquals(42, d.invitationLifespanDays());
        assertEquals(30, d.expiryGraceDays());
        assertEquals(List.of(14, 3), d.expiryReminderDays());
        assertEquals(20, d.usernameMaxLength());
        assertEquals(Map.of("standard", 2, "premium", 10), d.authorisedCallerLimit());
        assertEquals(2000, d.emailsPerAdminPerHour());
    }

    @Test
    void theHourlyInvitationEmailLimitIsBetweenOneAndOneHundredThousand() {
        assertEquals(1, emailsPerHour(1).applyTo(AccessSettings.DEFAULTS).emailsPerAdminPerHour());
        assertEquals(
                100_000, emailsPerHour(100_000).applyTo(AccessSettings.DEFAULTS).emailsPerAdminPerHour());
        assertEquals(2000, emailsPerHour(null).applyTo(AccessSettings.DEFAULTS).emailsPerAdminPerHour());
        for (int wrong : new int[] {0, -5, 100_001}) {
            assertEquals(
                    "emailsPerAdminPerHour",
                    assertThrows(
                                    InputException.class,
                                    () -> emailsPerHour(wrong).applyTo(AccessSettings.DEFAULTS))
                            .field());
        }
    }

    @Test
    void theFormerNameOfTheEmailLimitIsStillAcceptedAndTheNewOneWins() {
        AccessSettingsUpdate old = new AccessSettingsUpdate(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, 7);
        assertEquals(7, old.applyTo(AccessSettings.DEFAULTS).emailsPerAdminPerHour());
        AccessSettingsUpdate both = new AccessSettingsUpdate(
                null, null, null, null, null, null, null, null, null, null, null, null, null, 9, null, null, null, null,
                null, 7);
        assertEquals(9, both.applyTo(AccessSettings.DEFAULTS).emailsPerAdminPerHour());
        assertEquals(10_000, AccessSettings.DEFAULTS.emailsPerRealmPerHour());
        assertEquals(3, AccessSettings.DEFAULTS.accessRequestsPerUserPerDay());
    }

    @Test
    void anUpdateKeepsWhatItLeavesOut() {
        AccessSettings s = only(10, null, "Europe/Paris").applyTo(AccessSettings.DEFAULTS);
        assertEquals(10, s.invitationLifespanDays());
        assertEquals("Europe/Paris", s.timeZone());
        assertEquals(20, s.usernameMaxLength());
    }

    @Test
    void invalidValuesNameTheirField() {
        assertEquals(
                "invitationLifespanDays",
                assertThrows(InputException.class, () -> only(0, null, null).applyTo(AccessSettings.DEFAULTS))
                        .field());
        assertEquals(
                "usernameMaxLength",
                assertThrows(InputException.class, () -> only(null, 3, null).applyTo(AccessSettings.DEFAULTS))
                        .field());
        assertEquals(
                "timeZone",
                assertThrows(
                                InputException.class,
                                () -> only(null, null, "Mars/Olympus").applyTo(AccessSettings.DEFAULTS))
                        .field());
    }
}
