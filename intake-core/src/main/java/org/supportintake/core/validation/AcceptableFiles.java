package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.attachments.policy.ReceivedFile;

/**
 * Every file was accepted by the channel's policy and there are not too many: one violation per
 * rejected file, naming it ({@code attachments.too_large} …), and one for the count.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = AcceptableFiles.Validator.class)
public @interface AcceptableFiles {

    int maxFiles();

    long maxFileMegabytes();

    String message() default "{attachments.rejected}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Turns each rejected verdict into a violation with the file name as a message parameter. */
    class Validator implements ConstraintValidator<AcceptableFiles, List<ReceivedFile>> {
        private int maxFiles;
        private long maxFileMegabytes;

        @Override
        public void initialize(AcceptableFiles constraint) {
            maxFiles = constraint.maxFiles();
            maxFileMegabytes = constraint.maxFileMegabytes();
        }

        @Override
        public boolean isValid(List<ReceivedFile> files, ConstraintValidatorContext context) {
            var hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            hibernate.disableDefaultConstraintViolation();
            hibernate.addMessageParameter("maxFiles", maxFiles).addMessageParameter("maxMb", maxFileMegabytes);
            boolean valid = true;
            if (files.size() > maxFiles) {
                hibernate.buildConstraintViolationWithTemplate("{attachments.too_many}").addConstraintViolation();
                valid = false;
            }
            for (ReceivedFile file : files) {
                if (file.verdict() instanceof AttachmentVerdict.Rejected rejected
                        && rejected.reason() != RejectionReason.TOO_MANY_FILES) {
                    hibernate.addMessageParameter("file", file.name())
                            .buildConstraintViolationWithTemplate("{attachments." + rejected.reason().code() + "}")
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}
