package org.supportintake.mail.smtp;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;

/** Outbox messages as the acknowledgement writer makes them, for sending in tests. */
final class OutboxMessages {

    static final String CITIZEN = "ivan.petrov@example.ru";
    static final String SUBJECT = "[№ 26-0004217-9] Ваше обращение принято";
    static final String BODY = "Здравствуйте, Иван Петрович!\n\n"
            + "Ваше обращение зарегистрировано под номером 26-0004217-9. Ответ будет направлен не позднее"
            + " 4 марта 2026 г., 12:15 (мск).\n\n"
            + "Письмо отправлено автоматически.\nСлужба поддержки\n";
    static final Instant WRITTEN_AT = Instant.parse("2026-03-02T09:15:00Z");

    private OutboxMessages() {
    }

    static OutboxMessage acknowledgement() {
        return acknowledgement(CITIZEN);
    }

    static OutboxMessage acknowledgement(String recipient) {
        return new OutboxMessage(OptionalLong.of(42), OutboxKind.ACKNOWLEDGEMENT, newMessageId(), recipient, SUBJECT, BODY, "",
                List.of(), WRITTEN_AT);
    }

    static OutboxMessage followUpAcknowledgement(String inReplyTo, List<String> references) {
        return new OutboxMessage(OptionalLong.of(42), OutboxKind.FOLLOW_UP_ACKNOWLEDGEMENT, newMessageId(), CITIZEN, SUBJECT, BODY,
                inReplyTo, references, WRITTEN_AT);
    }

    static String newMessageId() {
        return "<intake." + UUID.randomUUID() + "@localhost>";
    }
}
