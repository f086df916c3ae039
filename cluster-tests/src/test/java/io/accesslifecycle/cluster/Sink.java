package io.accesslifecycle.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The mail sink bin/test-cluster started (devtools' MailSink), read through its JSON listing. */
public final class Sink {

    public record Mail(List<String> to, String subject, String text) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Sink(String base) {
        this.base = base.replaceAll("/$", "");
    }

    public List<Mail> all() {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Mail> mails = new ArrayList<>();
            for (JsonNode m : Node.JSON.readTree(r.body())) {
                List<String> to = new ArrayList<>();
                m.get("to").forEach(t -> to.add(t.asText().toLowerCase()));
                mails.add(new Mail(to, m.get("subject").asText(), m.get("text").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many messages each recipient matching the filter received. */
    public Map<String, Integer> countsPerRecipient(Predicate<String> recipients) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Mail m : all()) {
            for (String to : m.to()) {
                if (recipients.test(to)) {
                    counts.merge(to, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    public List<Mail> to(String recipient) {
        return all().stream()
                .filter(m -> m.to().contains(recipient.toLowerCase()))
                .toList();
    }
}
