package io.accesslifecycle.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A local SMTP server for development: every message Keycloak sends is kept, listed at http://localhost:8025/ and
 * written as an .eml file. It delivers nothing to the outside world. {@code /api/messages} lists the messages as
 * JSON (recipients, subject, text part) for scripts and the two-node tests.
 */
final class MailSink implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer web;
    private final Path mailDir;
    private final Set<String> saved = new HashSet<>();
    /** The number the next file gets: after those a previous run left in the folder. */
    private int nextFile;

    MailSink(int smtpPort, int webPort, Path mailDir) throws IOException {
        this.mailDir = mailDir;
        Files.createDirectories(mailDir);
        try (var files = Files.list(mailDir)) {
            nextFile = (int) files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .count();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/", this::handle);
        web.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            MimeMessage[] messages = smtp.getReceivedMessages();
            saveNew(messages);
            String path = exchange.getRequestURI().getPath();
            String body;
            String type = "text/html; charset=utf-8";
            if (path.equals("/api/messages")) {
                body = json(messages);
                type = "application/json; charset=utf-8";
            } else if (path.startsWith("/messages/")) {
                int index =
                        Integer.parseInt(path.substring("/messages/".length()).replaceAll("\\D.*", ""));
                if (index < 0 || index >= messages.length) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (path.endsWith(".eml")) {
                    body = GreenMailUtil.getWholeMessage(messages[index]);
                    type = "message/rfc822";
                } else {
                    body = page(messages[index], index);
                }
            } else {
                body = index(messages);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (MessagingException | RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private String index(MimeMessage[] messages) throws MessagingException {
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Mail sink</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td{padding:.3em 1em}</style>"
                + "<h1>Mail sent by Keycloak</h1><p>" + messages.length + " message(s), newest first.</p><table>"
                + "<tr><th>#</th><th>To</th><th>Subject</th></tr>");
        for (int i = messages.length - 1; i >= 0; i--) {
            html.append("<tr><td>")
                    .append(i)
                    .append("</td><td>")
                    .append(escape(String.join(", ", recipients(messages[i]))))
                    .append("</td><td><a href=\"/messages/")
                    .append(i)
                    .append("\">")
                    .append(escape(messages[i].getSubject()))
                    .append("</a></td></tr>");
        }
        return html.append("</table>").toString();
    }

    /** {@code [{"index": 0, "to": ["a@example.org"], "subject": "...", "text": "..."}]}, oldest first. */
    private static String json(MimeMessage[] messages) throws MessagingException, IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < messages.length; i++) {
            List<String> parts = new ArrayList<>();
            collect(messages[i].getContent(), messages[i].getContentType(), parts);
            String text = parts.stream()
                    .filter(p -> p.startsWith("[text/plain]"))
                    .findFirst()
                    .orElse("")
                    .replaceFirst("^\\[text/plain]\n", "");
            json.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"to\":[");
            List<String> to = recipients(messages[i]);
            for (int j = 0; j < to.size(); j++) {
                json.append(j == 0 ? "" : ",").append(quote(to.get(j)));
            }
            json.append("],\"subject\":")
                    .append(quote(messages[i].getSubject()))
                    .append(",\"text\":")
                    .append(quote(text))
                    .append('}');
        }
        return json.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private String page(MimeMessage message, int index) throws MessagingException, IOException {
        List<String> parts = new ArrayList<>();
        collect(message.getContent(), message.getContentType(), parts);
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>")
                .append(escape(message.getSubject()))
                .append("</title><p><a href=\"/\">All messages</a> | <a href=\"/messages/")
                .append(index)
                .append(".eml\">Raw</a></p><h1>")
                .append(escape(message.getSubject()))
                .append("</h1><p>To: ")
                .append(escape(String.join(", ", recipients(message))))
                .append("</p>");
        for (String part : parts) {
            html.append("<pre style=\"white-space:pre-wrap;border:1px solid #ccc;padding:1em\">")
                    .append(escape(part))
                    .append("</pre>");
        }
        return html.toString();
    }

    private static void collect(Object content, String type, List<String> out) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), out);
            }
        } else if (content instanceof String text) {
            out.add("[" + type.split(";")[0] + "]\n" + text);
        }
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> to = new ArrayList<>();
        if (message.getAllRecipients() != null) {
            for (var address : message.getAllRecipients()) {
                to.add(address.toString());
            }
        }
        return to;
    }

    /**
     * Writes each message not written yet as {@code NNNNN.eml}, in the order they are first seen. GreenMail lists its
     * messages mailbox by mailbox, so a message's position in the list moves as new recipients arrive: messages are
     * told apart by their Message-ID and recipients, not by position.
     */
    private synchronized void saveNew(MimeMessage[] messages) throws IOException, MessagingException {
        for (MimeMessage message : messages) {
            String key = message.getMessageID() + " " + String.join(",", recipients(message));
            if (saved.add(key)) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                Files.write(mailDir.resolve(String.format("%05d.eml", nextFile++)), raw.toByteArray());
            }
        }
    }

    private static String escape(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
