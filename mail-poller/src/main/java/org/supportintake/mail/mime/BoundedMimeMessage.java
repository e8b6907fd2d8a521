package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;

/** A message opened from a stored file whose top header block is read within {@link MimeLimits#maxHeaderBytes()}. */
final class BoundedMimeMessage extends MimeMessage {

    private final int maxHeaderBytes;
    private final DecodeMonitor monitor = new DecodeMonitor();

    BoundedMimeMessage(Session session, SharedInputStream in, int maxHeaderBytes) throws MessagingException {
        super(session);
        this.maxHeaderBytes = maxHeaderBytes;
        parse((InputStream) in); // here, not in super(): the limit must be set first
        modified = false;
        saved = true;
    }

    /** What reading the header block met, handed on to the monitor of the whole reading. */
    void reportTo(DecodeMonitor reading) {
        monitor.problems().forEach(monitor.limitCrossed() ? reading::overLimit : reading::warn);
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        if (!(in instanceof SharedInputStream shared)) {
            return super.createInternetHeaders(in);
        }
        try {
            EntityHeaders.Block block = EntityHeaders.read(shared.newStream(shared.getPosition(), -1), maxHeaderBytes, monitor);
            in.skipNBytes(block.bodyStart());
            return block.headers();
        } catch (IOException e) {
            throw new MessagingException("cannot read the stored message", e);
        }
    }
}
