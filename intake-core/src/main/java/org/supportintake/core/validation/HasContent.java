package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.supportintake.core.submission.Submission;

/** An email has usable text or at least one accepted attachment; reported on the text. */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = HasContent.Validator.class)
public @interface HasContent {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** {@link Blank} text (only spaces or invisible characters) and no accepted file is the only failing case. */
    class Validator implements ConstraintValidator<HasContent, Submission> {
        @Override
        public boolean isValid(Submission submission, ConstraintValidatorContext context) {
            boolean hasContent = !Blank.is(submission.text())
                    || submission.attachments().stream().anyMatch(file -> file.verdict().isAccepted());
            if (!hasContent) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("text").addConstraintViolation();
            }
            return hasContent;
        }
    }
}
