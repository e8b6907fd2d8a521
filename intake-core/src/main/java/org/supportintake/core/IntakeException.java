package org.supportintake.core;

/** Root of the unchecked exceptions intake-core throws for its own and the infrastructure's faults. */
public class IntakeException extends RuntimeException {

    public IntakeException(String message) {
        super(message);
    }

    public IntakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
