package org.supportintake.mail.mime;

import java.util.List;

import org.supportintake.attachments.policy.ReceivedFile;

/**
 * One email as the mail path understands it: who wrote it ({@code from}), where they ask replies to go
 * ({@code replyTo}, {@link MailAddress#NONE} when nowhere else), who sent it for them ({@code sender}: the Sender
 * field, else the Return-Path, else none), the decoded subject, the new text and the quoted earlier message apart,
 * threading headers, every attachment judged, and what could not be decoded. {@code readable} is false when the
 * structure itself could not be read.
 */
public record ParsedMail(String messageId, MailAddress from, MailAddress replyTo, MailAddress sender, String subject,
                         String text, String quoted,
                         TextSource textSource, String inReplyTo, List<String> references,
                         List<ReceivedFile> attachments, List<String> problems, boolean readable) {

    public ParsedMail {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }
}
