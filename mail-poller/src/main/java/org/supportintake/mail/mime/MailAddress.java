package org.supportintake.mail.mime;

/** A mailbox as written in a header: the address, and the display name ("" when none). */
public record MailAddress(String address, String name) {

    public static final MailAddress NONE = new MailAddress("", "");
}
