package io.accesslifecycle.tests;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reads the emails GreenMail received, as the person they were sent to would. */
public final class Mail {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/access-invitation\\?\\S+");

    private Mail() {
    }

    public static List<MimeMessage> to(MimeMessage[] messages, String address) {
        return Arrays.stream(messages).filter(m -> recipients(m).contains(address.toLowerCase())).toList();
    }

    /**
     * Waits until the server holds a message to {@code address} whose subject contains {@code subjectPart}, and
     * answers the newest such; fails after {@code millis}. Emails are sent by a background job, so other tests'
     * messages may arrive in between: look for the one you expect.
     */
    public static MimeMessage await(org.keycloak.testframework.mail.MailServer server, String address, String subjectPart, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            List<MimeMessage> found = to(server.getReceivedMessages(), address).stream()
                    .filter(m -> subject(m).contains(subjectPart)).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no email to " + address + " about '" + subjectPart + "'");
            }
            server.waitForIncomingEmail(500, server.getReceivedMessages().length + 1);
        }
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
