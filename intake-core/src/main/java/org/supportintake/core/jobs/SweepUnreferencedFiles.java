package org.supportintake.core.jobs;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.ticket.AttachmentReferences;

/**
 * Deletes stored files no message refers to once they are older than the grace period: what a
 * crash between keeping a file and committing its message left behind. Safe to run on any node.
 */
public final class SweepUnreferencedFiles implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SweepUnreferencedFiles.class);

    private final FileStore store;
    private final AttachmentReferences references;
    private final Clock clock;
    private final Duration grace;

    public SweepUnreferencedFiles(FileStore store, AttachmentReferences references, Clock clock, Duration grace) {
        this.store = store;
        this.references = references;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    public void run() {
        int deleted = store.sweep(references::isReferenced, clock.instant().minus(grace));
        if (deleted > 0) {
            LOG.info("swept {} unreferenced stored files older than {}", deleted, grace);
        }
    }
}
