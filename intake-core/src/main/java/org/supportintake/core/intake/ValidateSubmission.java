package org.supportintake.core.intake;

import java.util.List;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.validation.IntakeValidator;
import org.supportintake.core.validation.Violation;

/**
 * Stops a submission that breaks any rule, with every violation. On the form the citizen is there
 * to fix it, so nothing is written; an email is answered instead.
 */
public final class ValidateSubmission implements IntakeStage {

    private final IntakeValidator validator;
    private final UnusableEmailReply unusableEmail;

    public ValidateSubmission(IntakeValidator validator, UnusableEmailReply unusableEmail) {
        this.validator = validator;
        this.unusableEmail = unusableEmail;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        List<Violation> violations = validator.validate(context.submission());
        if (violations.isEmpty()) {
            return StageVerdict.proceed();
        }
        if (context.submission().channel() == Channel.EMAIL) {
            unusableEmail.handle(context, violations);
        }
        return StageVerdict.stop(new IntakeOutcome.Invalid(violations));
    }
}
