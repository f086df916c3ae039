package io.accesslifecycle.web;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file of the built console that a request path names, with its content type and caching; plain rules, no I/O.
 * Only paths made of ordinary names ({@code [A-Za-z0-9._-]} segments, no hidden or {@code ..} segment, no
 * directory) with a known extension name a file: anything else is not found, so no request reaches outside the
 * console's folder on the class path.
 */
public record ConsoleFile(String path, String contentType, String cacheControl) {

    /** The console's folder on the provider jar's class path. */
    public static final String ROOT = "access-console/";

    public static final String INDEX = "index.html";

    /** Vite names the files under {@code assets/} after their content: they never change. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The page carries the realm's addresses: never stored. */
    static final String NO_STORE = "no-store";

    static final String REVALIDATE = "no-cache";

    private static final int MAX_LENGTH = 200;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** The file that {@code requestPath} (relative to the console's address, decoded) names, if it may be one. */
    public static Optional<ConsoleFile> of(String requestPath) {
        String p = requestPath == null ? "" : requestPath;
        if (p.isEmpty()) {
            p = INDEX;
        }
        if (p.length() > MAX_LENGTH || p.endsWith("/")) {
            return Optional.empty();
        }
        for (String segment : p.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return Optional.empty();
            }
        }
        int dot = p.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(p.substring(dot + 1));
        if (type == null) {
            return Optional.empty();
        }
        String cache = p.equals(INDEX) ? NO_STORE : p.startsWith("assets/") ? IMMUTABLE : REVALIDATE;
        return Optional.of(new ConsoleFile(p, type, cache));
    }

    /** Its name on the class path. */
    public String resourceName() {
        return ROOT + path;
    }

    public boolean isIndex() {
        return path.equals(INDEX);
    }
}
