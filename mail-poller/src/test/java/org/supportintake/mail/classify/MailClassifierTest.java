package org.supportintake.mail.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailClassifierTest {

    private final MailClassifier classifier = new MailClassifier("Support@Localhost");

    private MailClassification classify(String headers, String from) throws Exception {
        String raw = headers.replace("|", "\r\n") + "\r\nFrom: " + from + "\r\nSubject: x\r\n\r\nbody\r\n";
        var message = new MimeMessage(Session.getInstance(new java.util.Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        return classifier.classify(message, from);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "X-Mailer: test; citizen@example.ru; NORMAL",
            "Auto-Submitted: no; citizen@example.ru; NORMAL",
            "X-Mailer: test; support@localhost; OWN",
            "Auto-Submitted: auto-replied; citizen@example.ru; AUTO_REPLY",
            "Auto-Submitted: auto-generated; citizen@example.ru; AUTO_REPLY",
            "X-Autoreply: yes; citizen@example.ru; AUTO_REPLY",
            "X-Autorespond: on; citizen@example.ru; AUTO_REPLY",
            "Precedence: bulk; citizen@example.ru; AUTO_REPLY",
            "Precedence: junk; citizen@example.ru; AUTO_REPLY",
            "Precedence: list; citizen@example.ru; LIST",
            "List-Id: <news.example.ru>; news@example.ru; LIST",
            "X-Mailer: test; MAILER-DAEMON@mx.example.ru; BOUNCE",
            "X-Mailer: test; postmaster@mx.example.ru; BOUNCE",
            "Return-Path: <>; someone@mx.example.ru; BOUNCE",
            "X-Failed-Recipients: a@example.ru; someone@mx.example.ru; BOUNCE",
            "'Content-Type: multipart/report; report-type=delivery-status; boundary=b'; someone@mx.example.ru; BOUNCE",
            "'Content-Type: multipart/report; report-type=disposition-notification; boundary=b'; someone@example.ru; AUTO_REPLY",
            "Auto-Submitted: auto-replied|List-Id: <x>; MAILER-DAEMON@x.ru; BOUNCE"})
    void asksTheQuestionsInOrder(String headers, String from, MailClassification expected) throws Exception {
        assertThat(classify(headers, from)).isEqualTo(expected);
    }
}
