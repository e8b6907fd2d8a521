package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * One MIME entity (RFC 2045 §2.4), a message or a body part: its header fields, and its body still
 * encoded where it lies (in the stored file, when the message was opened from one), so that parts
 * are read one at a time and never parsed ahead.
 */
final class MimeEntity {

    /** Raw header values by name: the first occurrence, or null. */
    @FunctionalInterface
    interface HeaderSource {
        String first(String name);
    }

    private final HeaderSource headers;
    private final SharedInputStream body;
    private final String defaultType;

    private MimeEntity(HeaderSource headers, SharedInputStream body, String defaultType) {
        this.headers = headers;
        this.body = body;
        this.defaultType = defaultType;
    }

    /** The top of a message; its body stays in the file a {@link SharedInputStream} reads. */
    static MimeEntity of(MimeMessage message) throws MessagingException, IOException {
        InputStream raw = message.getRawInputStream();
        SharedInputStream body = raw instanceof SharedInputStream shared ? shared
                : new SharedByteArrayInputStream(raw.readAllBytes());
        return new MimeEntity(name -> headerOf(message, name), body, "text/plain");
    }

    /** An entity whose header block starts at the beginning of {@code in}. */
    static MimeEntity read(SharedInputStream in, String defaultType, int maxHeaderBytes, DecodeMonitor monitor)
            throws IOException {
        EntityHeaders.Block block = EntityHeaders.read(in.newStream(0, -1), maxHeaderBytes, monitor);
        InternetHeaders fields = block.headers();
        return new MimeEntity(name -> fields.getHeader(name, null), (SharedInputStream) in.newStream(block.bodyStart(), -1),
                defaultType);
    }

    /** The body part lying in {@code range} of this entity's body. */
    MimeEntity part(MultipartSplit.Range range, String partDefaultType, int maxHeaderBytes, DecodeMonitor monitor)
            throws IOException {
        return read((SharedInputStream) body.newStream(range.start(), range.end()), partDefaultType, maxHeaderBytes, monitor);
    }

    /** This entity with its body decoded already: a multipart some mailer transfer-encoded, against RFC 2045 §6.4. */
    MimeEntity withDecodedBody(byte[] decoded) {
        HeaderSource plain = name -> name.equalsIgnoreCase("Content-Transfer-Encoding") ? null : headers.first(name);
        return new MimeEntity(plain, new SharedByteArrayInputStream(decoded), defaultType);
    }

    /** True for 7bit, 8bit or binary (or their misspellings): the body lies in the message as it is meant. */
    boolean isIdentityEncoded() {
        String encoding = transferEncoding();
        return encoding.isEmpty() || encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary");
    }

    /** A raw header value, unfolded; "" when absent. */
    String header(String name) {
        String value = headers.first(name);
        return value == null ? "" : value.replaceAll("\\r?\\n[ \\t]*", " ").strip();
    }

    HeaderSource headers() {
        return headers;
    }

    ContentHeader contentType() {
        return ContentHeader.parse(header("Content-Type"), defaultType);
    }

    ContentHeader disposition() {
        return ContentHeader.parse(header("Content-Disposition"), "");
    }

    /** The transfer encoding by its RFC 2045 name ({@link BodyDecoding#canonical}); "" when none is declared. */
    String transferEncoding() {
        return BodyDecoding.canonical(header("Content-Transfer-Encoding"));
    }

    /** True when the declared transfer encoding is a misspelling that was read as the encoding it means. */
    boolean hasMisspeltTransferEncoding() {
        return BodyDecoding.misspelt(header("Content-Transfer-Encoding"), transferEncoding());
    }

    /** The body as it lies in the message, still transfer-encoded; a fresh stream from its start. */
    InputStream rawBody() {
        return body.newStream(0, -1);
    }

    /** The bytes of one range of the body as they are, as for a multipart's preamble or epilogue. */
    InputStream rawBody(MultipartSplit.Range range) {
        return body.newStream(range.start(), range.end());
    }

    SharedInputStream sharedBody() {
        return body;
    }

    boolean hasEmptyBody() throws IOException {
        try (InputStream in = rawBody()) {
            return in.read() < 0;
        }
    }

    private static String headerOf(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException parsedAlready) {
            return null; // a parsed message holds its headers in memory; only a folder-backed one can fail here
        }
    }
}
