package org.supportintake.core.outbox;

/** A mail's text: plain, and the same as HTML (empty when there is none). */
public record MailBody(String text, String html) {
}
