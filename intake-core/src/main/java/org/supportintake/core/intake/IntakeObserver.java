package org.supportintake.core.intake;

import org.supportintake.core.submission.Channel;

/**
 * What a monitor may count of the one path (the server turns it into metrics), so the domain needs no metrics
 * library. Called on the intake threads: implementations are thread-safe and quick, and never throw.
 */
public interface IntakeObserver {

    /** Observes nothing. */
    IntakeObserver NONE = new IntakeObserver() {
    };

    /** One stage of {@link IntakePipeline} ran for {@code nanos}, whether or not it stopped the path. */
    default void stageRan(String stage, long nanos) {
    }

    /** A submission came in by {@code channel} and ended as {@code outcome} ({@link IntakeOutcome#code()}, or {@code set_aside}). */
    default void taken(Channel channel, String outcome) {
    }
}
