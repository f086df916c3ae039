package io.accesslifecycle.tests;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.keycloak.testframework.mail.MailServer;

/** Reads the emails GreenMail received, as the person they were sent to would. */
public final class Mail {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/access-invitation\\?\\S+");

    private Mail() {}

    public static List<MimeMessage> to(MimeMessage[] messages, String address) {
        return Arrays.stream(messages)
                .filter(m -> recipients(m).contains(address.toLowerCase()))
                .toList();
    }

    /**
     * Waits until the server holds a message to {@code address} whose subject contains {@code subjectPart}, and
     * answers the newest such. Emails are sent by a background job, so other tests' messages may arrive in between:
     * look for the one you expect.
     */
    public static MimeMessage await(MailServer server, String address, String subjectPart) {
        return awaitCount(server, address, subjectPart, 1, Waits.BACKGROUND).getLast();
    }

    /** Waits until the server received at least {@code count} messages in all (whoever they are to). */
    public static void awaitTotal(MailServer server, int count) {
        awaitTotal(server, count, count + " email(s) in all");
    }

    /** {@link #awaitTotal(MailServer, int)}, saying {@code what} when they do not come. */
    public static void awaitTotal(MailServer server, int count, String what) {
        Awaitility.await(what)
                .atMost(Waits.BACKGROUND)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> server.getReceivedMessages().length >= count);
    }

    /** Waits until at least {@code count} such messages arrived; answers them all, oldest first. */
    public static List<MimeMessage> awaitCount(MailServer server, String address, String subjectPart, int count) {
        return awaitCount(server, address, subjectPart, count, Waits.BACKGROUND);
    }

    private static List<MimeMessage> awaitCount(
            MailServer server, String address, String subjectPart, int count, Duration atMost) {
        return Awaitility.await(count + " email(s) to " + address + " about '" + subjectPart + "'")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> about(server, address, subjectPart), found -> found.size() >= count);
    }

    /** The messages to {@code address} whose subject contains {@code subjectPart} received so far, oldest first. */
    public static List<MimeMessage> about(MailServer server, String address, String subjectPart) {
        return to(server.getReceivedMessages(), address).stream()
                .filter(m -> subject(m).contains(subjectPart))
                .toList();
    }

    public static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients()).toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    public static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    /** The action link in the plain-text part: a real URL, as a mail client would show it. */
    public static String actionLink(MimeMessage m) {
        Matcher matcher = ACTION_LINK.matcher(text(m));
        if (!matcher.find()) {
            throw new AssertionError("no action link in the text part:\n" + text(m));
        }
        return matcher.group();
    }

    /** The invitation link in the plain-text part. */
    public static String invitationLink(MimeMessage m) {
        Matcher matcher = INVITATION_LINK.matcher(text(m));
        if (!matcher.find()) {
            throw new AssertionError("no invitation link in the text part:\n" + text(m));
        }
        return matcher.group();
    }

    private static String part(MimeMessage m, String type) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType(type)) {
                        return part.getContent().toString();
                    }
                }
                throw new AssertionError("no " + type + " part");
            }
            return content.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
