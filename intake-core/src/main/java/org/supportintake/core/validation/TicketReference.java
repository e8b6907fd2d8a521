package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.supportintake.core.ticket.TicketNumber;

/** A well-formed ticket number with a valid check digit; a blank value passes (the field is optional). */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = TicketReference.Validator.class)
public @interface TicketReference {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link TicketNumber#parse(String)}. */
    class Validator implements ConstraintValidator<TicketReference, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || TicketNumber.parse(value).isPresent();
        }
    }
}
