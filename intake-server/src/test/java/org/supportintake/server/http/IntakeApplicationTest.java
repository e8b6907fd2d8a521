package org.supportintake.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.testing.Submissions;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.core.staff.Role;
import org.supportintake.server.wiring.AccountsDatabase;
import org.supportintake.server.wiring.IntakeApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

class IntakeApplicationTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP)).withPerMethodLifecycle(true);

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private IntakeConfig config;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        String mailbox = "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX";
        String smtp = "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, mailbox, Setting.SMTP_URL, smtp, Setting.POLL_INTERVAL, "PT1S");
        config = IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting)));
        application = IntakeApplication.start(config);
    }

    @AfterEach
    void stop() throws Exception {
        application.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + application.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsTheDatabaseAsJson() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(health.body()).startsWith("{\"status\":\"up\",\"database\":{\"status\":\"up\",\"product\":\"H2 ");
        assertThat(health.body()).contains(",\"mailboxes\":[{\"mailbox\":\"support@localhost/INBOX\",");
    }

    @Test
    void unknownPathAndAMethodAPathDoesNotServeAreTheSitesErrorPages() throws Exception {
        HttpResponse<String> missing = get("/no-such-page");
        HttpResponse<String> trace = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + application.httpPort() + "/health")).method("TRACE", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer secret-token").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"ru\">", "<title>Ошибка: Страница не найдена", "<main id=\"main\">");
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(trace.body()).doesNotContain("secret-token");
    }

    @Test
    void rootServesARussianPage() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ru\">", "Обращение в службу поддержки", "name=\"csrfToken\"");
        assertThat(page.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void mailDeliveredToTheMailboxBecomesATicketThroughThePollJob() throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom("citizen@mail.example.ru");
        mail.setSubject("Не работает запись на приём", "UTF-8");
        mail.setText("Добрый день, не могу записаться на приём.", "UTF-8");
        greenMail.getUserManager().getUser("support@localhost").deliver(mail);

        Jdbi database = Jdbi.create(Database.h2FileUrl(dataDir.resolve("db")), "sa", "");
        long tickets = 0;
        for (int attempt = 0; attempt < 150 && tickets == 0; attempt++) {
            Thread.sleep(100);
            tickets = database.withHandle(h -> h.createQuery("select count(*) from ticket").mapTo(Long.class).one());
        }
        assertThat(tickets).isEqualTo(1);
        String title = database.withHandle(h -> h.createQuery("select title from ticket").mapTo(String.class).one());
        assertThat(title).isEqualTo("Не работает запись на приём");
    }

    @Test
    void theAcknowledgementLeavesForTheCitizenRightAfterIntakeNotAtTheNextScheduledRun() throws Exception {
        application.intake().accept(Submissions.form().build());
        assertThat(greenMail.waitForIncomingEmail(20_000, 1)).as("the first, perhaps by the scheduled run at start").isTrue();

        var created = (IntakeOutcome.Created) application.intake().accept(Submissions.form().build());

        assertThat(greenMail.waitForIncomingEmail(3_000, 2)).as("sent within 3 s; the scheduled run is every 15 s").isTrue();
        MimeMessage acknowledgement = greenMail.getReceivedMessages()[1];
        assertThat(acknowledgement.getAllRecipients()).extracting(Object::toString).containsExactly("ivanova@example.ru");
        assertThat(acknowledgement.getSubject()).contains(created.ticketNumber().toString());
    }

    @Test
    void databaseFileIsCreatedUnderTheDataDirectoryAndTheIntakePathIsWired() {
        assertThat(Files.exists(dataDir.resolve("db").resolve("intake.mv.db"))).isTrue();
        assertThat(application.intake().accept(Submissions.form().build())).isInstanceOf(IntakeOutcome.Created.class);
    }

    @Test
    void aStaffPageLeadsToTheSignInWhichOpensASessionForAnAccountTheCommandsAdded() throws Exception {
        try (AccountsDatabase accounts = AccountsDatabase.open(config)) {
            accounts.administration().add("petrova", Role.OPERATOR, "пароль оператора 1".toCharArray(), "test");
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String site = "http://localhost:" + application.httpPort();

        HttpResponse<String> staff = browser.send(HttpRequest.newBuilder(URI.create(site + "/staff")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(site
                + staff.headers().firstValue("Location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrfToken\" value=\"([0-9a-f]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(site + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf.group(1) + "&next=%2Fstaff&login=petrova"
                        + "&password=" + java.net.URLEncoder.encode("пароль оператора 1", java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(staff.statusCode()).isEqualTo(303);
        assertThat(page.body()).contains("Вход для сотрудников");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/staff");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("staff_session="));
        assertThat(get("/staff/logout").statusCode()).as("only POST").isEqualTo(405);
    }
}
