package org.supportintake.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A mailbox a reply can reach: {@code local@domain.tld} (RFC 5321 dot-atom local part, with letters
 * of any script as RFC 6531 allows, so {@code иван@почта.рф} passes). A blank value passes.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = EmailAddress.Validator.class)
public @interface EmailAddress {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the shape of the address; no DNS lookups. */
    class Validator implements ConstraintValidator<EmailAddress, String> {
        private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
        private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
        private static final Pattern ADDRESS = Pattern.compile(
                ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+\\p{L}[\\p{L}\\p{N}-]*[\\p{L}\\p{N}]");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (Blank.is(value)) {
                return true;
            }
            String address = value.strip();
            int at = address.lastIndexOf('@');
            return at > 0 && at <= 64 && ADDRESS.matcher(address).matches();
        }
    }
}
