package org.supportintake.web.form;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Consent;
import org.supportintake.core.submission.Submission;

/** The form's fields (HTML names of DESIGN.md) as a {@link Submission}; the submission token is the external id. */
public final class FeedbackSubmission {

    /** The version of the consent text shown next to the checkbox; stored with the consent. */
    public static final String CONSENT_VERSION = "pd-consent-2026-01";
    public static final String TOKEN = "submissionToken";
    private static final Set<String> CHECKED = Set.of("on", "yes", "true", "1");

    /** What a repeated submission token from another email is told: that it was received, and nothing of the ticket. */
    public static final String ALREADY_RECEIVED =
            "Это обращение уже было отправлено и принято. Номер обращения направлен на адрес, указанный в нём.";

    private FeedbackSubmission() {
    }

    public static Submission of(FormInput input, Instant receivedAt) {
        var builder = Submission.builder(Channel.FORM, externalId(input.field(TOKEN)), receivedAt)
                .sender(input.field("email").strip(), input.field("fullName"), input.field("phone"))
                .category(input.field("category"))
                .subject(input.field("subject"))
                .text(input.field("description"))
                .previousTicket(input.field("previousTicket"))
                .callbackTime(input.field("callbackTime"));
        if (CHECKED.contains(input.field("consent").strip().toLowerCase(java.util.Locale.ROOT))) {
            builder.consent(new Consent(receivedAt, CONSENT_VERSION));
        }
        input.files().forEach(builder::attachment);
        return builder.build();
    }

    /** The page's token makes a double click one ticket; without one (an API call) every post is new. */
    private static String externalId(String token) {
        String value = token.strip();
        return value.matches("[0-9a-fA-F-]{36}") ? "form-" + value.toLowerCase(java.util.Locale.ROOT)
                : "form-" + UUID.randomUUID();
    }
}
