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

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "no-reply@example.dion.ne.jp; Your mail sent on: Tue, 1 Dec 2026|    Could not be delivered to: <a@b.jp>; BOUNCE",
            "noreply@df.example.jp; This is the DragonFly Mail Agent v0.13 at df.example.jp.; BOUNCE",
            "citizen@example.ru; Could not be delivered to: <a@b.jp> -- this is what I get from your portal; NORMAL"})
    void anAutomatedSenderWhoseTextOpensLikeABounceIsABounce(String from, String body, MailClassification expected)
            throws Exception {
        String raw = "From: " + from + "\r\nSubject: Re: x\r\n\r\n" + body.replace("|", "\r\n") + "\r\n";
        var message = new MimeMessage(Session.getInstance(new java.util.Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        assertThat(classifier.classify(message, from)).isEqualTo(expected);
    }

    private MailClassification classify(String headers, String from) throws Exception {
        String subject = headers.contains("Subject:") ? "" : "\r\nSubject: x";
        String raw = headers.replace("|", "\r\n") + "\r\nFrom: " + from + subject + "\r\n\r\nbody\r\n";
        var message = new MimeMessage(Session.getInstance(new java.util.Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
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
            "Auto-Submitted: auto-replied|List-Id: <x>; MAILER-DAEMON@x.ru; BOUNCE",
            "Auto-Submitted: auto-replied|Return-Path: <>; citizen@example.ru; AUTO_REPLY",
            "'Content-Type: multipart/report; report-type=feedback-report; boundary=b'; abuse@example.net; AUTO_REPLY",
            "'Content-Type: multipart/report;; report-type=\"delivery-status\"; boundary=b'; someone@mx.example.ru; BOUNCE",
            "Subject: [BOUNCE]; postmaster@james.example.org; BOUNCE",
            "Subject: Mail delivery failed; MAILER-DAEMON; BOUNCE",
            "Subject: Mail System Error - Returned Mail; no-reply@example.dion.ne.jp; BOUNCE",
            "Subject: Undeliverable: Ваше обращение|X-MS-Exchange-Message-Is-Ndr:; exchange@example.ru; BOUNCE",
            "Subject: Недоставленное сообщение; noreply@mail.example.ru; BOUNCE",
            "Subject: Delivery failure|Auto-Submitted: auto-replied; gateway@example.ru; BOUNCE",
            "Subject: Fwd: Undeliverable: не доходит письмо; citizen@example.ru; NORMAL",
            "Subject: Не удалось доставить документы в МФЦ; citizen@example.ru; NORMAL",
            "Subject: Сообщение не доставлено до налоговой; citizen@example.ru; NORMAL",
            "Subject: Undeliverable: Ваше обращение; exchange@example.ru; NORMAL",
            "Precedence: bulk|List-Id: <netdev.vger.kernel.org>; someone@example.ru; LIST",
            "Auto-Submitted: auto-replied|List-Id: <news.example.ru>; someone@example.ru; AUTO_REPLY",
            "Subject: Автоматический ответ: [№ 26-0000001-4]|X-Auto-Response-Suppress: All; ivan@example.ru; AUTO_REPLY",
            "Subject: Automatic reply: Ваше обращение|X-Auto-Response-Suppress: All; ivan@example.ru; AUTO_REPLY",
            "Subject: Автоматический ответ: не пришёл код; citizen@example.ru; NORMAL",
            "Subject: Re: [№ 26-0000001-4]|X-Auto-Response-Suppress: All; citizen@example.ru; NORMAL"})
    void asksTheQuestionsInOrder(String headers, String from, MailClassification expected) throws Exception {
        assertThat(classify(headers, from)).isEqualTo(expected);
    }
}
