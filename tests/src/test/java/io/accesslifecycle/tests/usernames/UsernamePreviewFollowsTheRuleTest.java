package io.accesslifecycle.tests.usernames;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.AccessRealm;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** An administrator previews the username a new person would get, for names from many languages. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class UsernamePreviewFollowsTheRuleTest {

    @InjectRealm(config = AccessRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** first name | last name | expected username (nobody holds it yet) */
    private static final String[][] NAMES = {
        {"Jean-Pierre", "Dupont", "jpdupont"},
        {"Jean Pierre", "Dupont", "jpdupont"},
        {"Élodie", "Lefèvre", "elefevre"},
        {"  Anne   Sophie ", " de la Fontaine ", "asdelafontaine"},
        {"Jean", "D'Alembert", "jdalembert"},
        {"D'Arcy", "O'Brien", "dobrien"},
        {"Jürgen", "Müller", "jmuller"},
        {"François-Xavier", "Saint-Exupéry", "fxsaintexupery"},
        {"Ægir", "Ødegård", "aodegard"},
        {"Łukasz", "Wałęsa", "lwalesa"},
        {"José María", "Núñez", "jmnunez"},
        {"Çağla", "Şahin", "csahin"},
        {"İbrahim", "Öztürk", "iozturk"},
        {"Straße", "Groß", "sgross"},
        {"Анна", "Иванова", "aivanova"},
        {"Сергей", "Шостакович", "sshostakovich"},
        {"Γιώργος", "Παπαδόπουλος", "gpapadopoulos"},
        {"Ελένη", "Κωνσταντίνου", "ekonstantinou"},
        {"Jean–Luc", "Picard", "jlpicard"},
        {"jean", "DUPONT", "jdupont"},
        {"Ｊｅａｎ", "Ｍａｒｔｉｎ", "jmartin"},
        {"Mary-Kate", "Olsen-Smith", "mkolsensmith"},
        {"Zoë", "Saldaña", "zsaldana"},
        {"Nguyễn Văn", "Trỗi", "nvtroi"},
        {"Jean-Pierre-Marie-Antoine", "Dupont", "jpmadupont"},
        {"Pablo", "Ruiz y Picasso", "pruizypicasso"},
        {"Maximilian-Alexander", "Wolfeschlegelsteinhausenbergerdorff", "mawolfeschlegelstein"},
        {"A", "B", "ab2"},
        {"Hans 2", "Meier", "h2meier"},
    };

    @Test
    void namesFromManyLanguagesGiveTheExpectedUsernames() {
        AccessApi api = AccessApi.admin(urls.getBase());
        List<Executable> checks = new ArrayList<>();
        for (String[] row : NAMES) {
            AccessApi.Response r = api.get(AccessApi.access("/usernames/preview")
                    + AccessApi.query(Map.of("firstName", row[0], "lastName", row[1])));
            checks.add(() -> assertEquals(200, r.status(), r.body()));
            checks.add(() -> assertEquals(row[2], r.json().get("username").asText(), row[0] + " " + row[1]));
        }
        assertTrue(NAMES.length >= 25);
        assertAll(checks);
    }

    @Test
    void otherScriptsGiveLatinLetters() {
        AccessApi api = AccessApi.admin(urls.getBase());
        for (String[] name : new String[][] {{"明", "王"}, {"محمد", "علي"}, {"さくら", "山田"}, {"민수", "김"}, {"דוד", "כהן"}}) {
            JsonNode preview = api.get(AccessApi.access("/usernames/preview")
                            + AccessApi.query(Map.of("firstName", name[0], "lastName", name[1])))
                    .json();
            assertTrue(preview.get("username").asText().matches("[a-z0-9]{3,20}"), preview.toString());
        }
    }

    @Test
    void aNameThatGivesNoLetterIsRefusedNamingTheField() {
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response r = api.get(AccessApi.access("/usernames/preview")
                + AccessApi.query(Map.of("firstName", "Jean", "lastName", "--")));
        assertEquals(400, r.status());
        assertEquals("lastName", r.json().get("field").asText());
        r = api.get(AccessApi.access("/usernames/preview") + AccessApi.query(Map.of("lastName", "Dupont")));
        assertEquals(400, r.status());
        assertEquals("firstName", r.json().get("field").asText());
    }
}
