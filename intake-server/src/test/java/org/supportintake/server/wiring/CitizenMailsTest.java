package org.supportintake.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.sla.ProductionCalendar;
import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.work.WorkOutcome;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Every mail a citizen gets on the way through a ticket, end to end: their email polled from the mailbox, the
 * staff's moves, their reply; each mail read at a real SMTP server (GreenMail) for its recipient, subject, threading
 * headers and the facts in its body.
 */
class CitizenMailsTest {

    private static final String CITIZEN = "citizen@mail.example.ru";
    private static final String STAFF = "operator.petrova";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private Jdbi database;

    @BeforeEach
    void start() {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                Setting.SMTP_URL, "smtp://127.0.0.1:" + greenMail.getSmtp().getPort(), Setting.POLL_INTERVAL, "PT1S",
                Setting.PUBLIC_URL, "https://support.example.ru");
        application = IntakeApplication.start(IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting))));
        database = Jdbi.create(Database.h2FileUrl(dataDir.resolve("db")), "sa", "");
    }

    @AfterEach
    void stop() throws Exception {
        application.close();
    }

    @Test
    void aCitizenHearsOfEveryStepOfTheirTicketInOneThread() throws Exception {
        citizenWrites("<c1@mail.example.ru>", "", "Не работает запись на приём", "Не могу записаться на приём к врачу.");
        MimeMessage acknowledgement = mailNumber(1);
        TicketNumber number = TicketNumber.parse(column("number")).orElseThrow();
        assertThat(acknowledgement.getSubject()).isEqualTo(number.subjectTag() + " Ваше обращение принято");
        assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo("<c1@mail.example.ru>");
        assertThat(acknowledgement.getContentType()).startsWith("multipart/alternative");
        assertThat(text(acknowledgement)).contains("под номером " + number, "не позднее " + due() + ".",
                "152-ФЗ", "https://support.example.ru/status");
        assertThat(html(acknowledgement)).contains("<html lang=\"ru\">", number.toString());

        assertThat(application.work().take(number, STAFF)).isInstanceOf(WorkOutcome.Done.class);
        MimeMessage taken = mailNumber(2);
        assertThat(taken.getSubject()).isEqualTo(number.subjectTag() + " Обращение взято в работу");
        assertThat(taken.getHeader("In-Reply-To", null)).isEqualTo("<c1@mail.example.ru>");

        application.work().ask(number, STAFF, "Уточните, пожалуйста, в какую поликлинику вы записываетесь.");
        MimeMessage question = mailNumber(3);
        assertThat(question.getSubject()).isEqualTo(number.subjectTag() + " Требуется уточнение");
        assertThat(text(question)).contains("в какую поликлинику вы записываетесь", "срок рассмотрения обращения приостановлен");
        assertThat(column("status")).isEqualTo("waiting_for_citizen");

        citizenWrites("<c2@mail.example.ru>", question.getMessageID(), "Re: " + question.getSubject(),
                "В поликлинику № 5 на Садовой улице.");
        MimeMessage receipt = mailNumber(4);
        assertThat(receipt.getSubject()).isEqualTo(number.subjectTag() + " Ваше сообщение добавлено к обращению");
        assertThat(receipt.getHeader("In-Reply-To", null)).isEqualTo("<c2@mail.example.ru>");
        assertThat(text(receipt)).contains("добавлено к обращению № " + number, "не позднее " + due() + ".");
        assertThat(column("status")).isEqualTo("in_progress");

        String oldDue = due();
        Instant later = laterWorkingEvening(database.withHandle(h -> h.createQuery("select due_at from ticket")
                .mapTo(java.time.OffsetDateTime.class).one()).toInstant());
        assertThat(application.work().extend(number, STAFF, later, "Нужен ответ из поликлиники"))
                .isInstanceOf(WorkOutcome.Done.class);
        MimeMessage delay = mailNumber(5);
        assertThat(delay.getSubject()).isEqualTo(number.subjectTag() + " Срок ответа перенесён");
        assertThat(text(delay)).contains("Было: не позднее " + oldDue + ".", "Стало: не позднее " + due() + ".",
                "Причина: Нужен ответ из поликлиники");

        application.work().resolve(number, STAFF, "Запись восстановлена, попробуйте снова.");
        MimeMessage answer = mailNumber(6);
        assertThat(answer.getSubject()).isEqualTo(number.subjectTag() + " Ответ на обращение");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<c2@mail.example.ru>");
        assertThat(answer.getHeader("References", null)).contains("<c1@mail.example.ru>", "<c2@mail.example.ru>");
        assertThat(text(answer)).contains("Запись восстановлена, попробуйте снова.", "Обращение решено.", "Оцените ответ");
        assertThat(column("status")).isEqualTo("resolved");
        String rateFive = java.util.regex.Pattern.compile("https://support\\.example\\.ru(/rate/\\S+/5)")
                .matcher(text(answer)).results().map(m -> m.group(1)).findFirst().orElseThrow();
        var ratingPage = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + application.httpPort() + rateFive)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ratingPage.statusCode()).as("the mail's rating link opens its page").isEqualTo(200);

        List<String> ids = Arrays.stream(greenMail.getReceivedMessagesForDomain("mail.example.ru"))
                .map(CitizenMailsTest::messageId).toList();
        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void anEmailWithNothingUsableGetsAnExplanationInItsThreadAndNoTicket() throws Exception {
        citizenWrites("<empty@mail.example.ru>", "", "Вопрос по записи", " ");

        MimeMessage explanation = mailNumber(1);
        assertThat(explanation.getSubject()).isEqualTo("Re: Вопрос по записи — обращение не зарегистрировано");
        assertThat(explanation.getHeader("In-Reply-To", null)).isEqualTo("<empty@mail.example.ru>");
        assertThat(explanation.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(text(explanation)).contains("не смогли зарегистрировать его как обращение",
                "https://support.example.ru/");
        long tickets = database.withHandle(h -> h.createQuery("select count(*) from ticket").mapTo(Long.class).one());
        assertThat(tickets).isZero();
    }

    private void citizenWrites(String messageId, String inReplyTo, String subject, String text) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(new InternetAddress(CITIZEN, "Пётр Петров", "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("support@localhost"));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        if (!inReplyTo.isEmpty()) {
            mail.setHeader("In-Reply-To", inReplyTo);
            mail.setHeader("References", inReplyTo);
        }
        mail.saveChanges();
        greenMail.getUserManager().getUser("support@localhost").deliver(mail);
    }

    /** The {@code n}th mail the citizen got, waiting up to 20 s for it (the mailbox is polled every second). */
    private MimeMessage mailNumber(int n) throws Exception {
        for (int waited = 0; waited < 200; waited++) {
            MimeMessage[] received = greenMail.getReceivedMessagesForDomain("mail.example.ru");
            if (received.length >= n) {
                assertThat(received).as("no mail more than expected").hasSize(n);
                assertThat(Arrays.stream(received[n - 1].getAllRecipients()).map(Object::toString).toList())
                        .containsExactly(CITIZEN);
                return received[n - 1];
            }
            Thread.sleep(100);
        }
        throw new AssertionError("mail " + n + " to the citizen did not arrive within 20 s");
    }

    private String column(String name) {
        return database.withHandle(h -> h.createQuery("select " + name + " from ticket").mapTo(String.class).one());
    }

    /** The ticket's due time as the citizen reads it. */
    private String due() {
        Instant due = database.withHandle(h -> h.createQuery("select due_at from ticket")
                .mapTo(java.time.OffsetDateTime.class).one()).toInstant();
        return AcknowledgementText.formatDue(due) + " (мск)";
    }

    /** 18:00 Moscow time on the first working day a week or more after {@code due}: a valid extension. */
    private static Instant laterWorkingEvening(Instant due) {
        ReplyClock clock = new ReplyClock(new SlaCalendar(ProductionCalendar.bundled()), 0.2, Duration.ofDays(7));
        LocalDate day = due.atZone(SlaCalendar.MOSCOW).toLocalDate().plusDays(7);
        while (!clock.endsBusinessTime(day.atTime(LocalTime.of(18, 0)).atZone(SlaCalendar.MOSCOW).toInstant())) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(18, 0)).atZone(SlaCalendar.MOSCOW).toInstant();
    }

    private static String text(MimeMessage message) throws Exception {
        return ((Multipart) message.getContent()).getBodyPart(0).getContent().toString();
    }

    private static String html(MimeMessage message) throws Exception {
        return ((Multipart) message.getContent()).getBodyPart(1).getContent().toString();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
