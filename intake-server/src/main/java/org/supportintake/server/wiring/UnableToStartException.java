package org.supportintake.server.wiring;

/** The server cannot start for a reason outside it (a port taken); the message is the one line an administrator sees. */
public class UnableToStartException extends RuntimeException {

    public UnableToStartException(String line, Throwable cause) {
        super(line, cause);
    }
}
