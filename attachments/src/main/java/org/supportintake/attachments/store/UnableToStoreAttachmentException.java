package org.supportintake.attachments.store;

/** The file store could not write, move or read a file (disk full, permissions): our fault, not the citizen's. */
public class UnableToStoreAttachmentException extends RuntimeException {

    public UnableToStoreAttachmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
