package org.supportintake.mail.mime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import jakarta.mail.MessagingException;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.store.FileStore;

/** Reads raw messages written inline in a test, the way the poller does: stored first, then opened from the file. */
final class RawMails {

    private final Path dir;
    private final FileStore store;
    private final MailReader reader;

    RawMails(Path dir) {
        this(dir, MimeLimits.defaults(), Clock.systemUTC());
    }

    RawMails(Path dir, MimeLimits limits, Clock clock) {
        this.dir = dir;
        this.store = new FileStore(dir.resolve("store"));
        this.reader = new MailReader(limits, clock);
    }

    FileStore store() {
        return store;
    }

    /** Reads {@code raw}; "|" in it stands for CRLF, so fixtures stay one line a header. */
    ParsedMail read(String raw) throws IOException, MessagingException {
        return readBytes(raw.replace("|", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    ParsedMail readBytes(byte[] raw) throws IOException, MessagingException {
        Path eml = Files.write(Files.createTempFile(dir, "mail", ".eml"), raw);
        try (var opened = reader.open(eml)) {
            return reader.read(opened.message(), new AttachmentInspector(store).batch(AttachmentPolicy.email()));
        }
    }
}
