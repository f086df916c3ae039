package io.accesslifecycle.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.accesslifecycle.common.InputException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The components of {@link AccessSettings} by name: how each is stored as text and read back, and how a record is
 * built from named values. This is what lets the store and the update handle every setting without a line per
 * setting. Only our own records are inspected.
 */
final class SettingsFields {

    private static final RecordComponent[] COMPONENTS = AccessSettings.class.getRecordComponents();
    private static final Constructor<AccessSettings> CONSTRUCTOR = canonical();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
            .build();

    private SettingsFields() {}

    static List<String> names() {
        return Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
    }

    /** Each setting's value by name, in the record's order. */
    static Map<String, Object> values(AccessSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : COMPONENTS) {
            values.put(c.getName(), get(c, settings));
        }
        return values;
    }

    /** A record from named values; throws {@link InputException} naming the first setting that is wrong. */
    static AccessSettings settings(Map<String, Object> values) {
        Object[] args =
                Arrays.stream(COMPONENTS).map(c -> values.get(c.getName())).toArray();
        try {
            return CONSTRUCTOR.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("settings record and values do not match: " + values.keySet(), e);
        }
    }

    /** The stored text of a value: text as it is, numbers and booleans as written, lists and maps as JSON. */
    static String format(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return STRICT.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored text read back as the setting's type; throws {@link InputException} naming it when it cannot be. */
    static Object parse(String name, String text) {
        RecordComponent c = Arrays.stream(COMPONENTS)
                .filter(x -> x.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + name));
        Class<?> type = c.getType();
        if (type == String.class) {
            return text.strip();
        }
        String json =
                type == boolean.class || type == Boolean.class ? text.strip().toLowerCase(Locale.ROOT) : text.strip();
        JavaType javaType = STRICT.getTypeFactory().constructType(c.getGenericType());
        try {
            return STRICT.readValue(json, javaType);
        } catch (IOException e) {
            throw new InputException(
                    name,
                    type == int.class
                            ? "is not a whole number"
                            : type == boolean.class ? "is not true or false" : "is not valid JSON for this setting");
        }
    }

    static Object get(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Constructor<AccessSettings> canonical() {
        try {
            return AccessSettings.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
