package io.accesslifecycle.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly, so that a typo in a field name, a wrong type or a repeated field is a 400 that
 * names the field instead of a silently ignored, coerced or overwritten value. Bodies over {@link #MAX_CHARS} are
 * refused before parsing (the largest legitimate body, 1000 invitees with long names, is well under it).
 */
public final class JsonBody {

    /** 2 MiB of characters. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;

    private static final ObjectMapper STRICT = strict();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{1,64})'");

    private JsonBody() {}

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
                .build();
        // a number or a boolean where text is expected is a mistake, not a name
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InputException("body", "a JSON object is required");
        }
        if (body.length() > MAX_CHARS) {
            throw new BodyTooLargeException("is larger than " + MAX_CHARS / (1024 * 1024) + " MiB; split the request");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw new InputException("body", "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(path(e), "is not a known field");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new InputException(field.isEmpty() ? "body" : field, "has the wrong type or format");
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.lookingAt()) {
                throw new InputException(duplicate.group(1), "appears more than once");
            }
            JsonLocation at = e.getLocation();
            throw new InputException(
                    "body",
                    "is not valid JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InputException("body", "could not be read");
        }
    }

    /**
     * The top-level field names a body names (an explicit {@code null} counts: it is how a value is cleared), so that
     * a field left out can keep its current value. Call after {@link #read}, which has checked the body.
     */
    public static java.util.Set<String> fields(String body) {
        if (body == null || body.isBlank()) {
            return java.util.Set.of();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = STRICT.readTree(body);
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            if (node != null && node.isObject()) {
                node.fieldNames().forEachRemaining(names::add);
            }
            return java.util.Set.copyOf(names);
        } catch (IOException e) {
            throw new InputException("body", "could not be read");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
