package io.accesslifecycle.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored realm attributes arrive by any path: a value that is not valid gives its default and is reported. */
class StoredSettingsFallBackTest {

    private static AccessSettingsStore.Inspection stored(String... nameValue) {
        Map<String, String> stored = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            stored.put(nameValue[i], nameValue[i + 1]);
        }
        return AccessSettingsStore.resolve(stored);
    }

    @Test
    void nothingStoredIsTheDefaultsTurnedOff() {
        AccessSettingsStore.Inspection i = stored();
        assertEquals(AccessSettings.DEFAULTS, i.settings());
        assertFalse(i.settings().enabled());
        assertTrue(i.refused().isEmpty());
    }

    @Test
    void validStoredValuesAreReadAsWritten() {
        AccessSettings written = new AccessSettingsUpdate(
                        true,
                        10,
                        5,
                        List.of(7),
                        3,
                        List.of("{first}.{last}"),
                        30,
                        Map.of("gold", 1),
                        Map.of("gold", List.of("callerCountry")),
                        false,
                        true,
                        90,
                        "Europe/Paris",
                        7,
                        20,
                        60,
                        60,
                        500,
                        2,
                        null)
                .applyTo(AccessSettings.DEFAULTS);
        Map<String, String> stored = new LinkedHashMap<>();
        SettingsFields.values(written).forEach((k, v) -> stored.put(k, SettingsFields.format(v)));
        AccessSettingsStore.Inspection i = AccessSettingsStore.resolve(stored);
        assertEquals(written, i.settings());
        assertTrue(i.refused().isEmpty(), i.refused().toString());
    }

    @Test
    void aValueThatIsNotANumberFallsBackAndIsReported() {
        AccessSettingsStore.Inspection i =
                stored("enabled", "true", "expiryGraceDays", "oops", "invitationLifespanDays", "10");
        assertEquals(30, i.settings().expiryGraceDays());
        assertEquals(10, i.settings().invitationLifespanDays(), "the other values are kept");
        assertTrue(i.settings().enabled());
        assertEquals(
                List.of(new AccessSettingsStore.Refused("expiryGraceDays", "oops", "is not a whole number")),
                i.refused());
    }

    @Test
    void aValueOutOfRangeOrOfTheWrongShapeFallsBackWithTheRuleItBreaks() {
        AccessSettingsStore.Inspection i = stored(
                "expiryGraceDays",
                "999",
                "timeZone",
                "Mars/Olympus",
                "expiryReminderDays",
                "{\"a\":1}",
                "enabled",
                "yes");
        assertEquals(AccessSettings.DEFAULTS, i.settings());
        assertEquals(
                List.of("enabled", "expiryGraceDays", "expiryReminderDays", "timeZone"),
                i.refused().stream().map(AccessSettingsStore.Refused::field).toList());
        assertTrue(
                i.refused().get(1).reason().contains("between 0 and 365"),
                i.refused().toString());
    }

    @Test
    void valuesValidAloneButNotTogetherRefuseTheOneNamed() {
        AccessSettingsStore.Inspection i = stored("authorisedCallerLimit", "{\"gold\": 1}");
        assertEquals(
                AccessSettings.DEFAULTS.authorisedCallerLimit(), i.settings().authorisedCallerLimit());
        assertEquals(1, i.refused().size(), i.refused().toString());
        assertEquals("authorisedCallerLimit", i.refused().get(0).field());
        assertTrue(
                i.refused().get(0).reason().startsWith("does not fit callerRequiredFields"),
                i.refused().toString());
    }

    @Test
    void aLongStoredValueIsShownCut() {
        AccessSettingsStore.Inspection i = stored("timeZone", "x".repeat(5000));
        assertTrue(i.refused().get(0).value().length() <= 201);
    }

    @Test
    void aRefusedValueIsLoggedOncePerChange() {
        RefusedSettingsLog log = new RefusedSettingsLog();
        List<AccessSettingsStore.Refused> oops =
                stored("expiryGraceDays", "oops").refused();
        assertFalse(log.report("r1", "one", List.of()), "nothing to say");
        assertTrue(log.report("r1", "one", oops));
        assertFalse(log.report("r1", "one", stored("expiryGraceDays", "oops").refused()), "same as last time");
        assertTrue(log.report("r2", "two", oops), "another realm");
        assertTrue(log.report("r1", "one", stored("expiryGraceDays", "nope").refused()), "changed");
        assertTrue(log.report("r1", "one", List.of()), "corrected");
        assertFalse(log.report("r1", "one", List.of()));
    }
}
