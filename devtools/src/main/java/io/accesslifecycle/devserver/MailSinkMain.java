package io.accesslifecycle.devserver;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The mail sink alone, for scripts that start Keycloak themselves (bin/test-cluster):
 * {@code java -cp ... io.accesslifecycle.devserver.MailSinkMain --smtp-port=12525 --web-port=12580 --mail-dir=DIR}.
 * Runs until it is stopped (SIGTERM or Ctrl-C).
 */
public final class MailSinkMain {

    private MailSinkMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "1025"));
        int webPort = Integer.parseInt(opts.getOrDefault("web-port", "8025"));
        Path mailDir = Path.of(opts.getOrDefault("mail-dir", "mail"));
        CountDownLatch stopped = new CountDownLatch(1);
        try (MailSink sink = new MailSink(smtpPort, webPort, mailDir)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.printf(
                    "mail sink: SMTP 127.0.0.1:%d, messages http://127.0.0.1:%d/ (JSON: /api/messages), files %s%n",
                    smtpPort, webPort, mailDir);
            stopped.await();
        }
    }
}
