package org.supportintake.core.intake;

import java.util.List;

import org.supportintake.core.validation.IntakeValidator;
import org.supportintake.core.validation.Violation;

/** Stops a submission that breaks any rule, with every violation. */
public final class ValidateSubmission implements IntakeStage {

    private final IntakeValidator validator;

    public ValidateSubmission(IntakeValidator validator) {
        this.validator = validator;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        List<Violation> violations = validator.validate(context.submission());
        return violations.isEmpty()
                ? StageVerdict.proceed()
                : StageVerdict.stop(new IntakeOutcome.Invalid(violations));
    }
}
