package org.supportintake.mail;

import java.util.function.Predicate;

import org.supportintake.mail.mime.MailAddress;
import org.supportintake.mail.mime.ParsedMail;

/**
 * Whose a citizen's email is: the mailbox the ticket belongs to, and the acknowledgement and the staff's answers go
 * to. RFC 5322 §3.6.2: Reply-To names where the author wants replies, so a letter relayed by a website's form
 * ({@code From: noreply@…}, {@code Reply-To: the citizen}) is the citizen's; a Reply-To of several mailboxes or of
 * our own is no one's to follow. A From without an address falls back to the Sender field, then the Return-Path,
 * so such a mail is not lost for want of someone to answer. {@code note} says so in English, naming the mailbox, for
 * {@code problems} ("" when From is used).
 */
public record Requester(MailAddress mailbox, String note) {

    public static Requester of(ParsedMail mail, Predicate<String> ownAddress) {
        MailAddress from = mail.from();
        MailAddress replyTo = mail.replyTo();
        if (!replyTo.address().isEmpty() && !ownAddress.test(replyTo.address())
                && !replyTo.address().equalsIgnoreCase(from.address())) {
            return new Requester(replyTo, (from.address().isEmpty() ? "From has no address"
                    : "Reply-To names another mailbox than From") + ": the ticket is " + replyTo.address()
                    + "'s (Reply-To), and mail goes there");
        }
        MailAddress sender = mail.sender();
        if (from.address().isEmpty() && !sender.address().isEmpty() && !ownAddress.test(sender.address())) {
            MailAddress named = new MailAddress(sender.address(), sender.name().isEmpty() ? from.name() : sender.name());
            return new Requester(named, "From has no address: the ticket is " + named.address()
                    + "'s (Sender or Return-Path), and mail goes there");
        }
        return new Requester(from, "");
    }
}
