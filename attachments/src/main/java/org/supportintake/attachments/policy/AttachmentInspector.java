package org.supportintake.attachments.policy;

import org.supportintake.attachments.inspection.ContentDetector;
import org.supportintake.attachments.inspection.ZipWalker;
import org.supportintake.attachments.store.DeferredForce;
import org.supportintake.attachments.store.FileStore;

/** Entry point of the module: hands out one {@link AttachmentBatch} per message. Thread-safe; build once. */
public final class AttachmentInspector {

    private final FileStore store;
    private final ContentDetector detector = new ContentDetector();
    private final ZipWalker zips = new ZipWalker(detector);

    public AttachmentInspector(FileStore store) {
        this.store = store;
    }

    /** A batch for the files of one message under {@code policy}; not thread-safe. */
    public AttachmentBatch batch(AttachmentPolicy policy) {
        return new AttachmentBatch(policy, store, detector, zips, null);
    }

    /** As {@link #batch(AttachmentPolicy)}, the files' force to disk left to {@code later} (before the commit). */
    public AttachmentBatch batch(AttachmentPolicy policy, DeferredForce later) {
        return new AttachmentBatch(policy, store, detector, zips, later);
    }
}
