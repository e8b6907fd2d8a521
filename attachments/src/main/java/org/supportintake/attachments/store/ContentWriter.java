package org.supportintake.attachments.store;

import java.io.IOException;

/** Something that writes bytes into the store (a raw message from IMAP, a decoded part). */
@FunctionalInterface
public interface ContentWriter {

    void writeTo(StagingOutput out) throws IOException;
}
