package io.accesslifecycle.usernames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.settings.AccessSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsernameRuleTest {

    private static final NameNormalizer NORMALIZER = new NameNormalizer();
    private final UsernameRule rule = new UsernameRule(NORMALIZER, AccessSettings.DEFAULT_USERNAME_PATTERNS, 20);

    private String free(String first, String last, Set<String> taken) {
        return rule.firstFree(rule.name(first, last), prefix -> taken);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Jean-Pierre | Dupont | jpdupont",
                "Jean Pierre | Dupont | jpdupont",
                "Marie | Curie | mcurie",
                "Élodie | Lefèvre | elefevre",
                "  Anne   Sophie  | de la Fontaine | asdelafontaine",
                "Jean | D'Alembert | jdalembert",
                "D'Arcy | O'Brien | dobrien",
                "Jürgen | Müller | jmuller",
                "François-Xavier | Saint-Exupéry | fxsaintexupery",
                "Ægir | Ødegård | aodegard",
                "Łukasz | Wałęsa | lwalesa",
                "Søren | Kierkegaard | skierkegaard",
                "José María | Núñez | jmnunez",
                "Çağla | Şahin | csahin",
                "İbrahim | Öztürk | iozturk",
                "Straße | Groß | sgross",
                "Анна | Иванова | aivanova",
                "Сергей | Шостакович | sshostakovich",
                "Γιώργος | Παπαδόπουλος | gpapadopoulos",
                "Ελένη | Κωνσταντίνου | ekonstantinou",
                "Jean–Luc | Picard | jlpicard",
                "jean | DUPONT | jdupont",
                "Ｊｅａｎ | Ｄｕｐｏｎｔ | jdupont",
                "Mary-Kate | Olsen-Smith | mkolsensmith",
                "Zoë | Saldaña | zsaldana",
                "Nguyễn Văn | Trỗi | nvtroi",
                "Hans 2 | Meier | h2meier",
                "Jean-Pierre-Marie-Antoine | Dupont | jpmadupont",
                "Pablo | Ruiz y Picasso | pruizypicasso",
            })
    void namesGiveTheExpectedUsername(String first, String last, String expected) {
        assertEquals(expected, free(first, last, Set.of()));
    }

    @Test
    void otherScriptsGiveLetters() {
        assertEquals("wang", NORMALIZER.normalize("王").replaceAll("[0-9]", ""));
        assertEquals(true, NORMALIZER.normalize("محمد").matches("[a-z]+"));
        assertEquals(true, NORMALIZER.normalize("さくら").matches("[a-z]+"));
        assertEquals(true, NORMALIZER.normalize("김민수").matches("[a-z]+"));
    }

    @Test
    void collisionsTakeTheNextCounterFromTwo() {
        assertEquals("jpdupont2", free("Jean-Pierre", "Dupont", Set.of("jpdupont")));
        assertEquals("jpdupont4", free("Jean-Pierre", "Dupont", Set.of("jpdupont", "jpdupont2", "jpdupont3")));
        assertEquals("jpdupont3", free("Jean-Pierre", "Dupont", Set.of("jpdupont", "jpdupont2", "jpdupont10")));
    }

    @Test
    void takenUsernamesAreAskedOncePerPrefixNotPerCandidate() {
        Set<String> taken = new HashSet<>(Set.of("jpdupont"));
        IntStream.range(2, 1000).forEach(i -> taken.add("jpdupont" + i));
        AtomicInteger asked = new AtomicInteger();
        String username = rule.firstFree(rule.name("Jean-Pierre", "Dupont"), prefix -> {
            asked.incrementAndGet();
            return taken;
        });
        assertEquals("jpdupont1000", username);
        assertEquals(1, asked.get());
    }

    @Test
    void maxLengthShortensTheLastNameAndKeepsTheCounter() {
        UsernameRule shortRule = new UsernameRule(NORMALIZER, AccessSettings.DEFAULT_USERNAME_PATTERNS, 8);
        UsernameRule.Name name = shortRule.name("Jean-Pierre", "Vandenberghe");
        assertEquals("jpvanden", shortRule.firstFree(name, p -> Set.of()));
        assertEquals("jpvande2", shortRule.firstFree(name, p -> Set.of("jpvanden")));
        Set<String> many = new HashSet<>(Set.of("jpvanden"));
        IntStream.range(2, 10).forEach(i -> many.add("jpvande" + i));
        assertEquals("jpvand10", shortRule.firstFree(name, p -> many));
    }

    @Test
    void veryLongNamesAreCutToTheMaximum() {
        String username = free("Maximilian-Alexander", "Wolfeschlegelsteinhausenbergerdorff", Set.of());
        assertEquals("mawolfeschlegelstein", username);
        assertEquals(20, username.length());
    }

    @Test
    void configuredPatternsAreTriedInOrder() {
        UsernameRule custom = new UsernameRule(
                NORMALIZER, List.of("{first}.{last}", "{initials}{last}", "{first}.{last}{counter}"), 30);
        UsernameRule.Name name = custom.name("Jean", "Dupont");
        assertEquals("jean.dupont", custom.firstFree(name, p -> Set.of()));
        assertEquals("jdupont", custom.firstFree(name, p -> Set.of("jean.dupont")));
        assertEquals("jean.dupont2", custom.firstFree(name, p -> Set.of("jean.dupont", "jdupont")));
    }

    @Test
    void aRuleWithoutCounterStillFindsAName() {
        UsernameRule noCounter = new UsernameRule(NORMALIZER, List.of("{first}{last}"), 20);
        assertEquals("jeandupont2", noCounter.firstFree(noCounter.name("Jean", "Dupont"), p -> Set.of("jeandupont")));
    }

    @Test
    void tooShortCandidatesAreSkipped() {
        assertEquals("ab2", free("A", "B", Set.of()));
    }

    @Test
    void namesThatGiveNothingNameTheField() {
        assertEquals(
                "firstName",
                assertThrows(InputException.class, () -> rule.name("---", "Dupont"))
                        .field());
        assertEquals(
                "lastName",
                assertThrows(InputException.class, () -> rule.name("Jean", "' - '"))
                        .field());
        assertEquals(
                "firstName",
                assertThrows(InputException.class, () -> rule.name("  ", "Dupont"))
                        .field());
        assertEquals(
                "lastName",
                assertThrows(InputException.class, () -> rule.name("Jean", null))
                        .field());
        assertEquals(
                "lastName",
                assertThrows(InputException.class, () -> rule.name("Jean", "😀🎉"))
                        .field());
    }

    @Test
    void invalidPatternsAreRefusedWithTheReason() {
        assertEquals(
                "usernamePatterns",
                assertThrows(InputException.class, () -> UsernamePattern.parse("{counter}{last}"))
                        .field());
        assertThrows(InputException.class, () -> UsernamePattern.parse("{nickname}"));
        assertThrows(InputException.class, () -> UsernamePattern.parse("{last} {first}"));
        assertThrows(InputException.class, () -> UsernamePattern.parse("static"));
        assertThrows(InputException.class, () -> UsernamePattern.parse(""));
    }
}
