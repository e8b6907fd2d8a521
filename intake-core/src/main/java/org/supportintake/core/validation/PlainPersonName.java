package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.supportintake.core.submission.PersonName;

/**
 * A full name is a {@link PersonName#isPlain plain name}; blank text and text with control
 * characters or line breaks pass, as "missing" and "control characters" say those better.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = PlainPersonName.Validator.class)
public @interface PlainPersonName {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link PersonName}. */
    class Validator implements ConstraintValidator<PlainPersonName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Blank.is(value) || ControlCharacters.anyIn(value, false)
                    || PersonName.isPlain(value);
        }
    }
}
