package io.accesslifecycle.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts Keycloak from an unpacked distribution with the bundle's jars and the sample realm, on an H2 file database
 * kept in the distribution's data/ folder, with a local mail sink. Ctrl-C stops both.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path home = Path.of(opts.get("keycloak-home"));
        Path providers = Path.of(opts.get("providers"));
        Path realm = Path.of(opts.get("realm"));
        int httpPort = Integer.parseInt(opts.getOrDefault("http-port", "8080"));
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "1025"));
        int webPort = Integer.parseInt(opts.getOrDefault("mail-web-port", "8025"));

        installJars(providers, home.resolve("providers"));
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(
                realm, home.resolve("data/import").resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        try (MailSink mail = new MailSink(smtpPort, webPort, Path.of(opts.get("mail-dir")))) {
            ProcessBuilder kc = new ProcessBuilder(List.of(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--import-realm",
                            "--http-port=" + httpPort,
                            "--bootstrap-admin-username=admin",
                            "--bootstrap-admin-password=admin"))
                    .inheritIO();
            kc.environment().put("SMTP_HOST", "127.0.0.1");
            kc.environment().put("SMTP_PORT", Integer.toString(smtpPort));
            kc.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = kc.start();
            if (opts.containsKey("master-console-client")) {
                Thread setUp = new Thread(
                        () -> new MasterConsoleClient(httpPort)
                                .setUpWhenReady(
                                        Path.of(opts.get("master-console-client")),
                                        "lifecycle",
                                        "admin",
                                        "admin",
                                        Duration.ofMinutes(10)),
                        "master-console-client");
                setUp.setDaemon(true);
                setUp.start();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }));
            System.out.printf("""

                    ==========================================================================
                     Access Lifecycle is starting (the first start takes about a minute).
                       Keycloak admin console  http://localhost:%1$d/admin/  (admin / admin)
                       Sample realm            http://localhost:%1$d/admin/master/console/#/lifecycle
                       Access console          http://localhost:%1$d/realms/lifecycle/access-console/  (realm-admin)
                         as a master admin     http://localhost:%1$d/realms/lifecycle/access-console/?signin=master  (admin)
                       Access API              http://localhost:%1$d/admin/realms/lifecycle/access
                       Mail sink (all email)   http://localhost:%2$d/   (SMTP on localhost:%3$d)
                       Mail files              %4$s
                       Data (H2 file)          %5$s
                     Ctrl-C stops Keycloak and the mail sink.
                    ==========================================================================

                    """, httpPort, webPort, smtpPort, opts.get("mail-dir"), home.resolve("data/h2"));
            System.exit(process.waitFor());
        }
    }

    private static void installJars(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> old = Files.list(to)) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        try (Stream<Path> jars = Files.list(from)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, to.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
