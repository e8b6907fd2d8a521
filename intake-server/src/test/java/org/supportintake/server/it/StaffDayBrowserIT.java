package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffAccounts;
import org.supportintake.core.staff.Role;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.server.testing.ApiSubmission;
import org.supportintake.server.wiring.IntakeApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The staff pages in a real headless Chromium against the real application, mail arriving through GreenMail: an
 * operator's whole day (sign in, filter, search, open, download, ask, the citizen's answer, resolve), a supervisor
 * extending a due date and reading the audit, a set-aside mail replayed; every page checked by axe-core at desktop and
 * phone width and saved as a screenshot.
 */
class StaffDayBrowserIT {

    private static final String CITIZEN = "irina.volkova@example.ru";
    private static final String PASSWORD = "долгий пароль оператора";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private IntakeConfig config;
    private Jdbi jdbi;
    private Browser browser;
    private Axe axe;
    /** The served HTML of every state {@link #check} sees, validated at the end of the test. */
    private NuHtmlChecker html;
    /** The title of every state {@link #check} sees. */
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void start(org.junit.jupiter.api.TestInfo test) throws Exception {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                Setting.SMTP_URL, "smtp://127.0.0.1:" + greenMail.getSmtp().getPort(), Setting.POLL_INTERVAL, "PT1S");
        config = IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting)));
        application = IntakeApplication.start(config);
        jdbi = Jdbi.create(config.dbUrl(), config.dbUser(), config.dbPassword());
        JdbcStaffAccounts accounts = new JdbcStaffAccounts(jdbi, new JdbcAuditTrail(jdbi), Clock.systemUTC());
        accounts.add("petrova", Role.OPERATOR, PASSWORD.toCharArray(), "test");
        accounts.add("sidorov", Role.SUPERVISOR, PASSWORD.toCharArray(), "test");
        accounts.add("admin", Role.ADMIN, PASSWORD.toCharArray(), "test");
        axe = Axe.load();
        browser = Browser.start();
        html = NuHtmlChecker.load("staff-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        application.close();
    }

    @Test
    void anOperatorsDayAndASupervisorsLookAtTheAudit() throws Exception {
        deliver(citizensMail("Не приходит код подтверждения", null));
        String number = await("the mail became a ticket", () -> text("select number from ticket"));
        MimeMessage another = citizensMail("Не открывается заявление", "Заявление на загранпаспорт не открывается.");
        another.setFrom(new InternetAddress("oleg.kuznetsov@example.ru", "Олег Кузнецов", "UTF-8"));
        deliver(another);
        String later = await("the second mail became a ticket",
                () -> text("select number from ticket where number <> '" + number + "'"));

        browser.driver.get(url("/staff"));
        assertThat(browser.driver.getCurrentUrl()).contains("/staff/login?next=");
        check("staff-login");
        signIn("petrova", "неверный пароль!!");
        assertThat(browser.driver.getTitle()).startsWith("Ошибка: ");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        check("staff-login-error");
        signIn("petrova", PASSWORD);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.driver.getPageSource()).contains(number);
        check("staff-queue");

        new Select(field("status")).selectByValue("accepted");
        new Select(field("channel")).selectByValue("email");
        submitFirst("form.filters button[type=submit]");
        assertThat(browser.driver.getCurrentUrl()).as("filters live in the URL").contains("status=accepted",
                "channel=email");
        assertThat(browser.driver.getPageSource()).contains(number);
        check("staff-queue-filtered");
        browser.driver.get(url("/staff?q=" + CITIZEN));
        assertThat(browser.driver.findElement(By.linkText(number)).isDisplayed()).isTrue();
        check("staff-queue-search");
        browser.driver.get(url("/staff?q=nobody%40example.ru"));
        check("staff-queue-empty");

        browser.driver.get(url("/staff?q=" + CITIZEN));
        click(browser.driver.findElement(By.linkText(number)));
        assertThat(browser.driver.getPageSource()).contains(CITIZEN, "Пробовала трижды", "screen.png");
        check("staff-ticket");
        assertDownload(browser.driver.findElement(By.cssSelector("a[href^='/staff/files/']")).getAttribute("href"));

        submitForm("take");
        assertThat(ticketStatus(number)).isEqualTo("in_progress");
        submitForm("ask");
        assertThat(browser.driver.getTitle()).as("an empty question is refused").startsWith("Ошибка: ");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("focus on the summary")
                .isEqualTo("error-summary");
        check("staff-ticket-errors");
        browser.driver.findElement(By.cssSelector("#error-summary a")).click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("the summary's link focuses its field")
                .isEqualTo("ask-text");
        field("ask-text").sendKeys("Уточните, пожалуйста, номер телефона, на который должен прийти код.");
        submitForm("ask");
        assertThat(ticketStatus(number)).isEqualTo("waiting_for_citizen");
        check("staff-ticket-waiting");

        deliver(citizensMail("Re: [№ " + number + "] Не приходит код подтверждения", "Номер +7 916 555-44-33."));
        await("the citizen's answer resumed the ticket", () -> "waiting_for_citizen".equals(ticketStatus(number))
                ? null : ticketStatus(number));
        browser.driver.navigate().refresh();
        assertThat(browser.driver.getPageSource()).contains("Номер +7 916 555-44-33.");
        String answer = "Код отправлен повторно; проверьте, пожалуйста, папку «Спам».";
        field("resolve-text").sendKeys(answer);
        // As if she had signed in again in another tab meanwhile: this page's token is no longer the session's.
        jdbi.useHandle(h -> h.execute("update staff_session set csrf_token = 'token-of-another-sign-in'"));
        submitForm("resolve");
        assertThat(browser.driver.getTitle()).as("the browser sent its Origin, so the form came back")
                .startsWith("Ошибка: ");
        assertThat(field("resolve-text").getAttribute("value")).isEqualTo(answer);
        assertThat(ticketStatus(number)).isEqualTo("in_progress");
        check("staff-ticket-stale-form");
        submitForm("resolve");
        assertThat(ticketStatus(number)).isEqualTo("resolved");
        check("staff-ticket-resolved");
        signOut();

        signIn("sidorov", PASSWORD);
        browser.driver.get(url("/staff/tickets/" + later));
        String due = text("select due_at from ticket where number = '" + later + "'");
        browser.driver.executeScript("arguments[0].value = arguments[1];", field("extend-due"), "2030-01-15T12:00");
        field("extend-reason").sendKeys("Нужен ответ ведомства.");
        submitForm("extend");
        assertThat(text("select due_at from ticket where number = '" + later + "'")).isNotEqualTo(due);
        assertThat(text("select staff from intake_event where kind = 'due_extended'")).isEqualTo("sidorov");
        browser.driver.get(url("/staff/audit?ticket=" + number));
        assertThat(browser.driver.getPageSource()).contains("petrova", "Скачивание файла", "Просмотр обращения");
        check("staff-audit");
        browser.driver.get(url("/staff/log"));
        check("staff-log");
        signOut();

        violations.addAll(html.errors());
        violations.addAll(PageOutline.sharedTitles(titles, Set.of("staff-ticket-errors", "staff-ticket-stale-form")));
        assertThat(violations).as("axe-core violations and HTML errors").isEmpty();
    }

    @Test
    void aSetAsideMailIsReadAndReplayedAndEveryOtherStaffPagePassesAxe() throws Exception {
        StringBuilder deep = new StringBuilder("Message-ID: <deep@mail.example.ru>\r\nFrom: poison@mail.example.ru\r\n"
                + "To: support@localhost\r\nSubject: deep <script>alert(1)</script>\r\nContent-Type: message/rfc822\r\n\r\n");
        for (int level = 0; level < 30; level++) {
            deep.append("Subject: level ").append(level).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        deep.append("Subject: innermost\r\n\r\nbody\r\n");
        deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(deep.toString().getBytes(StandardCharsets.US_ASCII))));
        String id = await("the mail was set aside", () -> text("select id from set_aside_mail"));

        browser.driver.get(url("/staff/failed"));
        signIn("admin", PASSWORD);
        check("staff-failed");
        click(browser.driver.findElement(By.cssSelector("a[href='/staff/failed/" + id + "']")));
        assertThat(browser.driver.findElement(By.cssSelector("pre")).getText()).contains("<script>alert(1)</script>");
        check("staff-failed-mail");
        click(browser.driver.findElement(By.xpath("//button[contains(., 'Обработать повторно')]")));
        assertThat(browser.driver.getPageSource()).contains("Снова отложено");
        check("staff-failed-replayed");
        browser.driver.get(url("/staff/log?kind=mail_failed"));
        check("staff-log-mail-failed");
        browser.driver.get(url("/staff/erase"));
        check("staff-erase");
        signOut();

        signIn("petrova", PASSWORD);
        browser.driver.get(url("/staff/audit"));
        assertThat(browser.driver.getTitle()).isEqualTo("Ошибка: Недостаточно прав — Журнал обращений");
        check("staff-forbidden-403");
        browser.driver.get(url("/staff/tickets/" + TicketNumber.of(26, 9_999_999)));
        check("staff-ticket-not-found-404");

        violations.addAll(html.errors());
        violations.addAll(PageOutline.sharedTitles(titles, Set.of("staff-ticket-errors", "staff-ticket-stale-form")));
        assertThat(violations).as("axe-core violations and HTML errors").isEmpty();
    }

    /** Signing in, opening a ticket from the queue and taking it, with Tab, typing, Enter and Space only. */
    @Test
    void anOperatorSignsInOpensATicketAndTakesItWithTheKeyboardAlone() throws Exception {
        deliver(citizensMail("Не приходит код подтверждения", null));
        String number = await("the mail became a ticket", () -> text("select number from ticket"));
        browser.driver.get(url("/staff"));
        Actions keys = new Actions(browser.driver);

        tabTo("input#login");
        keys.sendKeys("petrova", Keys.TAB, PASSWORD).perform();
        pressOnNextPage(Keys.ENTER);
        tabTo("a[href='/staff/tickets/" + number + "']");
        pressOnNextPage(Keys.ENTER);
        tabTo("form[action$='/take'] button");
        pressOnNextPage(Keys.SPACE);

        assertThat(ticketStatus(number)).isEqualTo("in_progress");
        assertThat(browser.driver.getTitle()).startsWith("Обращение взято в работу");
    }

    /** Presses Tab until the element {@code css} names has the focus; fails after 60 presses. */
    private void tabTo(String css) {
        for (int press = 0; press < 60; press++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if ((Boolean) browser.driver.executeScript("return document.activeElement.matches(arguments[0])", css)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    /** Presses {@code key} on the focused element and waits until the next page has replaced this one. */
    private void pressOnNextPage(Keys key) {
        WebElement html = browser.driver.findElement(By.tagName("html"));
        new Actions(browser.driver).sendKeys(key).perform();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(html));
    }

    @Test
    void longValuesWithoutSpacesBreakInsteadOfWideningTheStaffPages() throws Exception {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".ru";
        Map<String, String> fields = ApiSubmission.from(email);
        fields.put("subject", "Ж".repeat(200));
        fields.put("description", "Очень".repeat(400));
        HttpResponse<String> created = HttpClient.newHttpClient().send(ApiSubmission.post(url(""), fields).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String number = text("select number from ticket");
        String sender = "x".repeat(60) + "@" + "y".repeat(60) + ".example.ru";
        StringBuilder deep = new StringBuilder("Message-ID: <long@mail.example.ru>\r\nFrom: " + sender
                + "\r\nTo: support@localhost\r\nSubject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(
                "Ш".repeat(250).getBytes(StandardCharsets.UTF_8)) + "?=\r\nContent-Type: message/rfc822\r\n\r\n");
        for (int level = 0; level < 30; level++) {
            deep.append("Subject: level ").append(level).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        deep.append("Subject: innermost\r\n\r\nbody\r\n");
        deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(deep.toString().getBytes(StandardCharsets.UTF_8))));
        String id = await("the mail was set aside", () -> text("select id from set_aside_mail"));

        signIn("admin", PASSWORD);
        for (String page : List.of("/staff/tickets/" + number, "/staff/failed", "/staff/failed/" + id)) {
            browser.driver.get(url(page));
            boolean ticket = page.startsWith("/staff/tickets");
            assertThat(browser.driver.getPageSource()).contains((ticket ? "Ж" : "Ш").repeat(50), ticket ? email : sender);
            for (int width : new int[] {Browser.DESKTOP, 320}) {
                browser.viewport(width);
                long pageWidth = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth;");
                assertThat(pageWidth).as(page + " at " + width + " px scrolls sideways").isLessThanOrEqualTo(width);
            }
            browser.viewport(Browser.DESKTOP);
            assertThat((Boolean) browser.driver.executeScript("""
                    const last = [...document.querySelectorAll('table.data td, .summary-list dd')].pop();
                    return last.getBoundingClientRect().right <= window.innerWidth;"""))
                    .as(page + ": its table's last column is on a desktop screen").isTrue();
            check("staff-long-values-" + (ticket ? "ticket" : page.equals("/staff/failed") ? "failed" : "failed-mail"));
        }
        violations.addAll(html.errors());
        violations.addAll(PageOutline.sharedTitles(titles, Set.of("staff-ticket-errors", "staff-ticket-stale-form")));
        assertThat(violations).as("axe-core violations and HTML errors").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + application.httpPort() + path;
    }

    private WebElement field(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private void signIn(String login, String password) {
        if (!browser.driver.getCurrentUrl().contains("/staff/login")) {
            browser.driver.get(url("/staff/login"));
        }
        field("login").clear();
        field("login").sendKeys(login);
        field("password").sendKeys(password);
        click(browser.driver.findElement(By.xpath("//button[contains(., 'Войти')]")));
    }

    private void signOut() {
        click(browser.driver.findElement(By.xpath("//button[contains(., 'Выйти')]")));
        assertThat(browser.driver.getCurrentUrl()).contains("/staff/login");
    }

    /** Presses the submit button of the ticket page's form for {@code action}. */
    private void submitForm(String action) {
        click(browser.driver.findElement(By.cssSelector("form[action$='/" + action + "'] button[type=submit]")));
    }

    private void submitFirst(String css) {
        click(browser.driver.findElement(By.cssSelector(css)));
    }

    /** Clicks and waits until the next page has replaced this one. */
    private void click(WebElement element) {
        WebElement html = browser.driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(html));
    }

    /** The file link answers as a download of the detected type that no browser may sniff. */
    @SuppressWarnings("unchecked")
    private void assertDownload(String href) {
        List<Object> answer = (List<Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done([r.status, r.headers.get('content-type'),
                    r.headers.get('content-disposition'), r.headers.get('x-content-type-options')]));
                """, href);
        assertThat(answer.get(0)).isEqualTo(200L);
        assertThat((String) answer.get(1)).startsWith("image/png");
        assertThat((String) answer.get(2)).startsWith("attachment;").contains("screen.png");
        assertThat(answer.get(3)).isEqualTo("nosniff");
    }

    /** The served HTML kept for the checker; screenshots and axe violations of the page now, at desktop and phone width. */
    private void check(String state) throws Exception {
        html.page(state, browser.servedHtml());
        violations.addAll(PageOutline.problems(browser.driver, state));
        violations.addAll(KeyboardWalk.problems(browser.driver, state));
        titles.put(state, browser.driver.getTitle());
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            browser.viewport(width);
            browser.screenshot(state + "-" + width);
            violations.addAll(axe.violations(browser.driver, state + " at " + width + " px"));
        }
        browser.viewport(320);
        browser.driver.executeScript("document.documentElement.style.fontSize = '200%'");
        browser.screenshot(state + "-320-text-200-percent");
        long overflow = (Long) browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Object wide = browser.driver.executeScript("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width
                        && !e.closest('.table-wrap > *')).map(e => e.tagName + '.' + e.className).join(', ');""");
        browser.driver.executeScript("document.documentElement.style.fontSize = ''");
        browser.viewport(Browser.DESKTOP);
        assertThat(overflow).as(state + " at 320 px with text at 200% scrolls sideways: " + wide).isLessThanOrEqualTo(0);
    }

    private MimeMessage citizensMail(String subject, String reply) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(CITIZEN, "Ирина Волкова", "UTF-8"));
        mail.setRecipients(Message.RecipientType.TO, "support@localhost");
        mail.setSubject(subject, "UTF-8");
        if (reply != null) {
            mail.setText(reply, "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Здравствуйте! При входе не приходит СМС с кодом. Пробовала трижды за утро.", "UTF-8");
            MimeBodyPart screen = new MimeBodyPart();
            screen.setDataHandler(new DataHandler(new ByteArrayDataSource(TestFiles.png(), "image/png")));
            screen.setFileName("screen.png");
            mail.setContent(new MimeMultipart(text, screen));
        }
        mail.saveChanges();
        return mail;
    }

    private void deliver(MimeMessage mail) {
        greenMail.getUserManager().getUser("support@localhost").deliver(mail);
    }

    private String ticketStatus(String number) {
        return text("select status from ticket where number = '" + number + "'");
    }

    private String text(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).findFirst().orElse(null));
    }

    /** Polls {@code value} until it is not null, for at most 30 s. */
    private static String await(String what, Supplier<String> value) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String found;
        while ((found = value.get()) == null) {
            assertThat(Instant.now()).as(what + " within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
        return found;
    }
}
