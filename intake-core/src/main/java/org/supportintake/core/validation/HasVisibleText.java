package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A required text field holds something a reader sees: not {@link Blank}, which {@code @NotBlank} lets through. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = HasVisibleText.Validator.class)
public @interface HasVisibleText {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link Blank}. */
    class Validator implements ConstraintValidator<HasVisibleText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !Blank.is(value);
        }
    }
}
