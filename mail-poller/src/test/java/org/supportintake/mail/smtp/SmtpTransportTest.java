package org.supportintake.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.mail.smtp.OutboxMessages.acknowledgement;
import static org.supportintake.mail.smtp.OutboxMessages.followUpAcknowledgement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.supportintake.core.outbox.OutboxMessage;

class SmtpTransportTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpTransport transport() {
        var smtp = greenMail.getSmtp();
        return new SmtpTransport(SmtpSettings.parse("smtp://" + smtp.getBindTo() + ":" + smtp.getPort(),
                "support@localhost"));
    }

    private MimeMessage deliveredOnlyMessage() {
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    @Test
    void sendsAcknowledgementWithThreadingHeaders() throws Exception {
        OutboxMessage message = followUpAcknowledgement("<citizen.2@example.ru>",
                List.of("<citizen.1@example.ru>", "<intake.1@localhost>", "<citizen.2@example.ru>"));

        transport().send(message);

        MimeMessage received = deliveredOnlyMessage();
        assertThat(received.getHeader("Message-ID", null)).isEqualTo(message.messageId());
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<citizen.2@example.ru>");
        assertThat(received.getHeader("References", null).split("\\s+"))
                .containsExactly("<citizen.1@example.ru>", "<intake.1@localhost>", "<citizen.2@example.ru>");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(received.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(received.getSentDate()).isEqualTo(Date.from(OutboxMessages.WRITTEN_AT));
    }

    @Test
    void leavesThreadingHeadersOutWhenAnsweringNothing() throws Exception {
        transport().send(acknowledgement());

        MimeMessage received = deliveredOnlyMessage();
        assertThat(received.getHeader("In-Reply-To")).isNull();
        assertThat(received.getHeader("References")).isNull();
    }

    @Test
    void writesRussianSubjectSenderNameAndBodyAsUtf8() throws Exception {
        transport().send(acknowledgement());

        MimeMessage received = deliveredOnlyMessage();
        assertThat(received.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(received.getSubject()).isEqualTo(OutboxMessages.SUBJECT);
        assertThat(received.getHeader("From", null)).contains("=?UTF-8?").contains("<support@localhost>");
        var from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Служба поддержки");
        assertThat(from.getAddress()).isEqualTo("support@localhost");
        assertThat(received.getRecipients(MimeMessage.RecipientType.TO))
                .extracting(Object::toString).containsExactly(OutboxMessages.CITIZEN);
        assertThat(received.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(received.getEncoding()).isEqualTo("quoted-printable");
        // GreenMail counts the body's last line break as part of the terminating CRLF.CRLF
        assertThat(received.getContent().toString().replace("\r\n", "\n"))
                .isEqualTo(OutboxMessages.BODY.stripTrailing());
    }

    @Test
    void sendsTheHtmlAlternativeAfterThePlainText() throws Exception {
        OutboxMessage plain = acknowledgement();
        OutboxMessage message = new OutboxMessage(plain.ticketId(), plain.kind(), plain.messageId(), plain.recipient(),
                plain.subject(), "Обращение принято.", "<!doctype html><p>Обращение <strong>принято</strong>.</p>", "",
                List.of(), plain.createdAt());

        transport().send(message);

        MimeMessage received = deliveredOnlyMessage();
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        var parts = (jakarta.mail.Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Обращение принято.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("<strong>принято</strong>");
    }

    @Test
    void sendsToACyrillicDomainInItsAsciiForm() throws Exception {
        transport().send(acknowledgement("ivan@почта.рф"));

        MimeMessage received = deliveredOnlyMessage();
        assertThat(received.getRecipients(MimeMessage.RecipientType.TO))
                .extracting(Object::toString).containsExactly("ivan@xn--80a1acny.xn--p1ai");
        assertThat(received.getSubject()).isEqualTo(OutboxMessages.SUBJECT);
    }

    @Test
    void aCyrillicLocalPartIsAPermanentRefusalNotAGarbledAddress() {
        var failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> transport().send(acknowledgement("иван@почта.рф")),
                org.supportintake.core.outbox.UnableToSendMailException.class);

        assertThat(failure.isPermanent()).isTrue();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void foldsALongReferencesHeaderWithoutLosingAnyId() throws Exception {
        List<String> references = IntStream.range(0, 40).mapToObj(i -> OutboxMessages.newMessageId())
                .collect(Collectors.toList());

        transport().send(followUpAcknowledgement(references.get(39), references));

        MimeMessage received = deliveredOnlyMessage();
        assertThat(received.getHeader("References", null).strip().split("\\s+"))
                .containsExactlyElementsOf(references);
    }

    @Test
    void lineBreakInAThreadingIdCannotAddAHeader() throws Exception {
        String smuggling = "<citizen.1@example.ru>\r\nBcc: someone@example.com";

        transport().send(followUpAcknowledgement(smuggling, List.of(smuggling)));

        MimeMessage received = deliveredOnlyMessage();
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<citizen.1@example.ru> Bcc: someone@example.com");
    }

    @Test
    void deliversEveryMessageSentFromEightThreadsAtOnce() throws Exception {
        SmtpTransport transport = transport();
        List<OutboxMessage> messages = IntStream.range(0, 80)
                .mapToObj(i -> acknowledgement("citizen" + i + "@example.ru")).collect(Collectors.toList());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        List<Future<?>> sending = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            List<OutboxMessage> share = messages.subList(thread * 10, thread * 10 + 10);
            sending.add(threads.submit(() -> {
                start.await();
                share.forEach(transport::send);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> sent : sending) {
            sent.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(greenMail.waitForIncomingEmail(30_000, 80)).isTrue();
        List<String> receivedIds = new ArrayList<>();
        for (MimeMessage received : Arrays.asList(greenMail.getReceivedMessages())) {
            receivedIds.add(received.getHeader("Message-ID", null));
        }
        assertThat(receivedIds).containsExactlyInAnyOrderElementsOf(
                messages.stream().map(OutboxMessage::messageId).collect(Collectors.toList()));
    }
}
