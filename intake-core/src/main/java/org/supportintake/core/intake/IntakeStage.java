package org.supportintake.core.intake;

/**
 * One step of the intake path, named for the one thing it checks or does. Runs inside the
 * path's transaction on the caller's thread; implementations keep no per-message state.
 */
@FunctionalInterface
public interface IntakeStage {

    StageVerdict apply(IntakeContext context);
}
