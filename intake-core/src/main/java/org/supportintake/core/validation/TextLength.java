package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Length in characters (Unicode code points) after trimming; a blank value passes, so "missing"
 * and "too short" are never both reported. The minimum does not count invisible format characters
 * (category Cf: zero-width spaces and joiners, soft hyphens, BOMs), or 25 zero-width spaces would make
 * a description; spaces between words are characters, as the design counts them. The maximum counts
 * every character, as the column stores them.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = TextLength.Validator.class)
public @interface TextLength {

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts code points but format characters for the minimum, every code point of the trimmed text for the maximum. */
    class Validator implements ConstraintValidator<TextLength, String> {
        private int min;
        private int max;

        @Override
        public void initialize(TextLength constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (Blank.is(value)) {
                return true;
            }
            String text = value.strip();
            int length = text.codePointCount(0, text.length());
            return length <= max && (min == 0 || visible(text) >= min);
        }

        private static long visible(String text) {
            return text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).count();
        }
    }
}
