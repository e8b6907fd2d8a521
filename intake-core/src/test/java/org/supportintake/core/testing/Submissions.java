package org.supportintake.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.supportintake.attachments.inspection.Inspection;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Consent;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;

/** Test data: valid submissions of each channel, to be spoiled one field at a time. */
public final class Submissions {

    /** Monday 23 November 2026, 12:00 Moscow time. */
    public static final Instant MONDAY_NOON = Instant.parse("2026-11-23T09:00:00Z");

    private Submissions() {
    }

    public static Submission.Builder form() {
        return form(MONDAY_NOON);
    }

    public static Submission.Builder form(Instant receivedAt) {
        return Submission.builder(Channel.FORM, "form-" + UUID.randomUUID(), receivedAt)
                .sender("ivanova@example.ru", "Иванова Мария Петровна", "8 (912) 345-67-89")
                .category("technical_problem")
                .subject("Не открывается личный кабинет")
                .text("После ввода пароля страница личного кабинета не загружается уже второй день.")
                .consent(new Consent(receivedAt, "pd-consent-2026-01"));
    }

    public static Submission.Builder email() {
        return email(MONDAY_NOON);
    }

    public static Submission.Builder email(Instant receivedAt) {
        String messageId = "<" + UUID.randomUUID() + "@mail.example.ru>";
        return Submission.builder(Channel.EMAIL, messageId, receivedAt)
                .sender("petrov@example.ru", "Пётр Петров", "")
                .subject("Вопрос по записи на приём")
                .text("Добрый день! Не могу записаться на приём через портал.")
                .emailFacts(EmailFacts.headers(messageId, "", List.of()));
    }

    public static ReceivedFile png(String name, long size) {
        return file(name, MediaTypes.PNG, size, AttachmentVerdict.accepted());
    }

    public static ReceivedFile file(String name, String detectedType, long size, AttachmentVerdict verdict) {
        return new ReceivedFile(name, detectedType, new Inspection(detectedType, size, "ab".repeat(32), List.of()), verdict);
    }
}
