package org.supportintake.mail.mime;

/** The sender's address and the subject of a message, as far as they could be read; each may be empty. */
public record Headline(String sender, String subject) {

    public static final Headline NONE = new Headline("", "");
}
