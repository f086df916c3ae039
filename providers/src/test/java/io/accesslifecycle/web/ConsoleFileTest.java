package io.accesslifecycle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleFileTest {

    @Test
    void theFolderItselfIsThePage() {
        ConsoleFile index = ConsoleFile.of("").orElseThrow();
        assertEquals("access-console/index.html", index.resourceName());
        assertTrue(index.isIndex());
        assertEquals("no-store", index.cacheControl());
        assertEquals("text/html; charset=utf-8", index.contentType());
        assertTrue(ConsoleFile.of(null).orElseThrow().isIndex());
        assertTrue(ConsoleFile.of("index.html").orElseThrow().isIndex());
    }

    @Test
    void builtAssetsAreCachedForeverAndOtherFilesRevalidated() {
        ConsoleFile js = ConsoleFile.of("assets/index-Cx3v_9aZ.js").orElseThrow();
        assertEquals("access-console/assets/index-Cx3v_9aZ.js", js.resourceName());
        assertEquals("text/javascript; charset=utf-8", js.contentType());
        assertEquals("public, max-age=31536000, immutable", js.cacheControl());
        assertEquals(
                "font/woff2",
                ConsoleFile.of("assets/RedHatText-Regular.woff2").orElseThrow().contentType());
        ConsoleFile icon = ConsoleFile.of("favicon.svg").orElseThrow();
        assertEquals("image/svg+xml", icon.contentType());
        assertEquals("no-cache", icon.cacheControl());
    }

    @Test
    void nothingOutsideTheFolderIsReachable() {
        for (String path : List.of(
                "../index.html",
                "assets/../../META-INF/services/x.txt",
                "..",
                "./index.html",
                "assets/./a.js",
                "/etc/passwd.txt",
                "assets//a.js",
                "assets\\a.js",
                "a..js/../b.js",
                "assets/a.js\0.css",
                "%2e%2e/index.html",
                ".hidden.json",
                "assets/.env.txt")) {
            assertTrue(ConsoleFile.of(path).isEmpty(), path);
        }
    }

    @Test
    void folderListingsAndUnknownKindsOfFileAreNotFound() {
        for (String path : List.of(
                "assets/",
                "assets",
                "io/accesslifecycle/web/ConsoleFile.class",
                "Makefile",
                "index.html.bak",
                "x".repeat(300) + ".js")) {
            assertTrue(ConsoleFile.of(path).isEmpty(), path);
        }
    }
}
