package org.supportintake.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every log line, text or JSON and whatever logger wrote it, with email addresses and phones masked. */
class MaskedLogLinesTest {

    private static final String LIBRARY = "com.example.library.Client";
    private static final List<String> CONTACTS = List.of("ivan.petrov@mail.ru", "maria@example.org",
            "+7 (912) 345-67-89", "8 912 345 67 01", "79123456702", "sasha@yandex.ru");

    private static void logContacts() {
        Logger log = LoggerFactory.getLogger(LIBRARY);
        MDC.put("externalId", "<sasha@yandex.ru>");
        try {
            log.warn("reply to ivan.petrov@mail.ru or +7 (912) 345-67-89, ticket 26-0004217-9 on 2026-12-03 10:00");
            log.warn("sender {} called from {}", "maria@example.org", "8 912 345 67 01");
            IllegalStateException cause = new IllegalStateException("550 mailbox maria@example.org unknown");
            log.error("cannot send", new IllegalArgumentException("refused for 79123456702", cause));
        } finally {
            MDC.remove("externalId");
        }
    }

    @Test
    void textLinesMaskEmailsAndPhonesInMessagesArgumentsExceptionsAndContext() {
        String text;
        try (LogLines lines = new LogLines(LIBRARY, false)) {
            logContacts();
            text = lines.text();
        }

        CONTACTS.forEach(contact -> assertThat(text).doesNotContain(contact));
        assertThat(text).contains("reply to i***@mail.ru or ***89, ticket 26-0004217-9 on 2026-12-03 10:00",
                "sender m***@example.org called from ***01", "IllegalArgumentException: refused for ***02",
                "Caused by: java.lang.IllegalStateException: 550 mailbox m***@example.org unknown", "<s***@yandex.ru>");
    }

    @Test
    void jsonLinesAreOneValidObjectEachWithContactsMasked() throws Exception {
        List<String> lines;
        try (LogLines captured = new LogLines(LIBRARY, true)) {
            logContacts();
            lines = captured.lines();
        }

        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode object = json.readTree(line);
            assertThat(object.isObject()).as(line).isTrue();
            assertThat(object.get("loggerName").asText()).isEqualTo(LIBRARY);
            CONTACTS.forEach(contact -> assertThat(line).doesNotContain(contact));
        }
        assertThat(json.readTree(lines.get(0)).get("formattedMessage").asText())
                .isEqualTo("reply to i***@mail.ru or ***89, ticket 26-0004217-9 on 2026-12-03 10:00");
        assertThat(json.readTree(lines.get(1)).get("formattedMessage").asText())
                .isEqualTo("sender m***@example.org called from ***01");
        JsonNode thrown = json.readTree(lines.get(2)).get("throwable");
        assertThat(thrown.get("message").asText()).isEqualTo("refused for ***02");
        assertThat(thrown.get("cause").get("message").asText()).isEqualTo("550 mailbox m***@example.org unknown");
        assertThat(json.readTree(lines.get(0)).get("level").asText()).isEqualTo("WARN");
    }

    @Test
    void logFormatIsTextOrJson() {
        assertThat(IntakeConfig.of(setting -> Optional.empty()).jsonLogs()).isFalse();
        assertThat(IntakeConfig.of(setting -> Optional.ofNullable(Map.of(Setting.LOG_FORMAT, "json").get(setting)))
                .jsonLogs()).isTrue();
        assertThat(IntakeConfig.of(setting -> Optional.ofNullable(Map.of(Setting.LOG_FORMAT, "xml").get(setting)))
                .validate()).singleElement().asString().contains("INTAKE_LOG_FORMAT", "xml", "text or json");
    }
}
