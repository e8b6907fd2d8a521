package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.supportintake.core.submission.Coded;

/** The code of one constant of a closed set (category, callback time); a blank value passes. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = KnownCode.Validator.class)
public @interface KnownCode {

    Class<? extends Coded> value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares with the codes of the enum's constants, exactly. */
    class Validator implements ConstraintValidator<KnownCode, String> {
        private Set<String> codes;

        @Override
        public void initialize(KnownCode constraint) {
            codes = Arrays.stream(constraint.value().getEnumConstants()).map(Coded::code).collect(Collectors.toSet());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || codes.contains(value.strip());
        }
    }
}
