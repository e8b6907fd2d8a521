package org.supportintake.core.intake;

/** A stage's answer: go on to the next stage, or stop the path with an outcome. */
public sealed interface StageVerdict {

    /** Go on. */
    record Proceed() implements StageVerdict {
    }

    /** Stop here; nothing after this stage runs. */
    record Stop(IntakeOutcome outcome) implements StageVerdict {
    }

    static StageVerdict proceed() {
        return new Proceed();
    }

    static StageVerdict stop(IntakeOutcome outcome) {
        return new Stop(outcome);
    }
}
