package org.supportintake.core.ticket;

/** Whether any stored message still refers to a file; the file store's sweeper asks before deleting. */
public interface AttachmentReferences {

    boolean isReferenced(String sha256);
}
