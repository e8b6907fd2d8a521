package org.supportintake.core.validation;

import java.lang.annotation.Annotation;

import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.hibernate.validator.cfg.defs.NotNullDef;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.submission.CallbackTime;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Sender;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.validation.ChannelChecks.Email;
import org.supportintake.core.validation.ChannelChecks.Form;

/** DESIGN.md's rule tables as one constraint mapping; read top to bottom like the table. */
final class IntakeRules {

    private static final long MB = 1024L * 1024L;

    private IntakeRules() {
    }

    static void declare(ConstraintMapping mapping, AttachmentPolicy formFiles) {
        mapping.type(Sender.class)
                .field("fullName")
                    .constraint(required("{fullName.missing}"))
                    .constraint(length(2, Integer.MAX_VALUE, "{fullName.too_short}"))
                    .constraint(length(0, 150, "{fullName.too_long}"))
                    .constraint(rule(PlainPersonName.class, "{fullName.invalid_characters}"))
                    .constraint(oneLine("{fullName.control_characters}"))
                .field("email")
                    .constraint(rule(HasVisibleText.class, "{email.missing}").groups(Form.class, Email.class))
                    .constraint(rule(EmailAddress.class, "{email.invalid}").groups(Form.class, Email.class))
                    .constraint(length(0, 254, "{email.too_long}").groups(Form.class, Email.class))
                    .constraint(oneLine("{email.control_characters}"))
                .field("phone")
                    .constraint(required("{phone.missing}"))
                    .constraint(rule(PhoneNumber.class, "{phone.invalid}"))
                    .constraint(oneLine("{phone.control_characters}"));
        mapping.type(Submission.class)
                .constraint(rule(HasContent.class, "{description.no_content}").groups(Email.class))
                .field("sender").valid()
                .field("category")
                    .constraint(required("{category.missing}"))
                    .constraint(rule(KnownCode.class, "{category.unknown}").param("value", Category.class))
                    .constraint(oneLine("{category.control_characters}"))
                .field("subject")
                    .constraint(required("{subject.missing}"))
                    .constraint(length(0, 200, "{subject.too_long}"))
                    .constraint(oneLine("{subject.control_characters}"))
                .field("text")
                    .constraint(required("{description.missing}"))
                    .constraint(length(20, Integer.MAX_VALUE, "{description.too_short}"))
                    .constraint(length(0, 2000, "{description.too_long}"))
                    .constraint(rule(NoControlCharacters.class, "{description.control_characters}").param("multiLine", true))
                .field("previousTicket")
                    .constraint(rule(TicketReference.class, "{previousTicket.invalid}").groups(Form.class, Email.class))
                    .constraint(oneLine("{previousTicket.control_characters}"))
                .field("callbackTime")
                    .constraint(rule(KnownCode.class, "{callbackTime.unknown}").param("value", CallbackTime.class))
                    .constraint(oneLine("{callbackTime.control_characters}"))
                .field("consent")
                    .constraint(new NotNullDef().message("{consent.missing}").groups(Form.class))
                .field("attachments")
                    .constraint(new GenericConstraintDef<>(AcceptableFiles.class)
                            .param("maxFiles", formFiles.maxFiles())
                            .param("maxFileMegabytes", formFiles.maxFileSize() / MB)
                            .groups(Form.class));
    }

    /** Required on the form, where {@link Blank} text is not there; email has its own way to say "nothing usable". */
    private static GenericConstraintDef<HasVisibleText> required(String message) {
        return rule(HasVisibleText.class, message);
    }

    /** No control characters, line breaks included: the channel's own text is judged, email's is cleaned before storing. */
    private static GenericConstraintDef<NoControlCharacters> oneLine(String message) {
        return rule(NoControlCharacters.class, message);
    }

    private static GenericConstraintDef<TextLength> length(int min, int max, String message) {
        return rule(TextLength.class, message).param("min", min).param("max", max);
    }

    private static <A extends Annotation> GenericConstraintDef<A> rule(Class<A> type, String message) {
        return new GenericConstraintDef<>(type).message(message).groups(Form.class);
    }
}
