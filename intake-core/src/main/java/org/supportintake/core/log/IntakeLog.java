package org.supportintake.core.log;

/** The append-only intake log, inside the current transaction. */
public interface IntakeLog {

    void append(IntakeEvent event);
}
