package org.supportintake.mail;

import org.supportintake.mail.mime.Headline;

/**
 * A message's raw bytes as the store took them: their SHA-256 (empty when the message was over the size limit and
 * not kept), how many bytes were read, and the sender and subject as far as they could be read.
 */
public record RawMail(String sha256, long size, Headline headline) {
}
