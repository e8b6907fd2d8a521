package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A text field holds no {@link ControlCharacters control characters}; a multi-line one may break lines. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = NoControlCharacters.Validator.class)
public @interface NoControlCharacters {

    boolean multiLine() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link ControlCharacters}. */
    class Validator implements ConstraintValidator<NoControlCharacters, String> {
        private boolean multiLine;

        @Override
        public void initialize(NoControlCharacters constraint) {
            multiLine = constraint.multiLine();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !ControlCharacters.anyIn(value, multiLine);
        }
    }
}
