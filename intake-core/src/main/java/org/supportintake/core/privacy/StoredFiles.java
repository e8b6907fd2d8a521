package org.supportintake.core.privacy;

import java.util.Set;

import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.ticket.AttachmentReferences;

/** Deletes anonymised messages' files from the store, unless another message still refers to the same bytes. */
final class StoredFiles {

    private final FileStore files;
    private final AttachmentReferences references;

    StoredFiles(FileStore files, AttachmentReferences references) {
        this.files = files;
        this.references = references;
    }

    /** Returns how many files went. Runs after the anonymisation committed, so its references are gone. */
    int deleteUnreferenced(Set<String> sha256s) {
        int deleted = 0;
        for (String sha256 : sha256s) {
            if (!references.isReferenced(sha256) && files.delete(sha256)) {
                deleted++;
            }
        }
        return deleted;
    }
}
