package io.accesslifecycle.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What people read, by message key: the tests name the message they expect and this looks up its words in the
 * language asked, where the product keeps them (our login theme's bundles, the access console's locale files). A
 * reworded message changes no test; a missing key fails the test at once.
 */
public final class Texts {

    private static final String LOGIN = "theme/access-lifecycle/login/messages/messages_%s.properties";
    private static final Path CONSOLE = Path.of("..", "console", "src", "locales");

    private Texts() {}

    /** A message of our login pages (the invitation, access request and sign-in pages), with its arguments. */
    public static String login(String language, String key, Object... args) {
        return format(language, bundle(LOGIN, language), key, args);
    }

    /** A text of the access console, its {@code {{name}}} placeholders replaced by the values given. */
    public static String console(String language, String key, Map<String, ?> values) {
        JsonNode texts;
        try {
            texts = new ObjectMapper().readTree(Files.readString(CONSOLE.resolve(language + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode text = texts.get(key);
        if (text == null) {
            throw new AssertionError("the console has no text " + key + " in " + language);
        }
        String s = text.asText();
        for (Map.Entry<String, ?> v : values.entrySet()) {
            s = s.replace("{{" + v.getKey() + "}}", String.valueOf(v.getValue()));
        }
        return s;
    }

    /** A text of the access console without placeholders. */
    public static String console(String language, String key) {
        return console(language, key, Map.of());
    }

    private static Properties bundle(String pattern, String language) {
        String name = String.format(pattern, language);
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no message bundle " + name + " on the test class path");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(String language, Properties bundle, String key, Object... args) {
        String pattern = bundle.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("no message " + key + " in " + language);
        }
        // as Keycloak's themes format them
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }
}
