package org.supportintake.mail.mime;

/**
 * The stored raw message could not be read (disk, permissions): our fault, not the sender's, so the
 * message must stay in the inbox for the next poll rather than be judged.
 */
public class UnableToReadMailException extends RuntimeException {

    public UnableToReadMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
