package org.supportintake.core.validation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Submission;

/**
 * The one validator for both channels: DESIGN.md's rules, grouped per channel, each violation
 * with its form field, a stable code and a Russian message. Thread-safe; build once.
 */
public final class IntakeValidator {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final List<String> FIELD_ORDER = List.of("fullName", "email", "phone", "category", "subject",
            "description", "previousTicket", "callbackTime", "consent", "attachments");

    private final Validator validator;

    public IntakeValidator(AttachmentPolicy formFiles) {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class)
                .configure()
                .defaultLocale(RUSSIAN)
                .locales(RUSSIAN)
                .messageInterpolator(new ParameterMessageInterpolator(Set.of(RUSSIAN), RUSSIAN, false));
        var mapping = configuration.createConstraintMapping();
        IntakeRules.declare(mapping, formFiles);
        this.validator = configuration.addMapping(mapping).buildValidatorFactory().getValidator();
    }

    /** Every rule the submission breaks, in form order; empty when it is valid. */
    public List<Violation> validate(Submission submission) {
        Class<?> group = submission.channel() == Channel.FORM ? ChannelChecks.Form.class : ChannelChecks.Email.class;
        return validator.validate(submission, group).stream()
                .map(IntakeValidator::toViolation)
                .sorted(Comparator.comparingInt((Violation v) -> fieldRank(v.field())).thenComparing(Violation::code))
                .toList();
    }

    private static Violation toViolation(ConstraintViolation<Submission> violation) {
        String template = violation.getMessageTemplate();
        String code = template.substring(1, template.length() - 1);
        return new Violation(fieldOf(violation.getPropertyPath()), code, violation.getMessage());
    }

    private static String fieldOf(Path path) {
        String last = "";
        for (Path.Node node : path) {
            last = node.getName() == null ? last : node.getName();
        }
        return last.equals("text") ? "description" : last;
    }

    private static int fieldRank(String field) {
        int rank = FIELD_ORDER.indexOf(field);
        return rank < 0 ? FIELD_ORDER.size() : rank;
    }
}
