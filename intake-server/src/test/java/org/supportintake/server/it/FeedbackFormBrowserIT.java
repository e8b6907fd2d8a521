package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.server.wiring.IntakeApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The citizen's pages in a real headless Chromium against the real application: every state checked
 * by axe-core at desktop and phone width and saved as a screenshot, a keyboard-only walk, and the
 * layout and focus details a unit test cannot see.
 */
class FeedbackFormBrowserIT {

    private static final String EMAIL = "anna.smirnova@example.ru";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private Browser browser;
    /** The served HTML of every state {@link #check} sees, validated at the end of the test. */
    private NuHtmlChecker html;
    /** The title of every state {@link #check} sees. */
    private final Map<String, String> titles = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort(),
                Setting.RATING_SECRET, IntakeFixture.RATING_SECRET);
        application = IntakeApplication.start(IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting))));
        browser = Browser.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        application.close();
    }

    private String url(String path) {
        return "http://localhost:" + application.httpPort() + path;
    }

    private WebElement field(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private Object script(String js, Object... args) {
        return browser.driver.executeScript(js, args);
    }

    private void fillTheForm() {
        field("fullName").sendKeys("Смирнова Анна Сергеевна");
        field("email").sendKeys(EMAIL);
        field("phone").sendKeys("8 (916) 123-45-67");
        new Select(field("category")).selectByValue("technical_problem");
        field("subject").sendKeys("Не загружается справка о доходах");
        field("description").sendKeys("При нажатии «Скачать» появляется белый экран. Пробовала в двух браузерах.");
    }

    /** Sends the form and waits until the answer's page has replaced this one. */
    private void submit() {
        WebElement button = browser.driver.findElement(By.cssSelector("form button[type=submit]"));
        button.click();
        awaitNextPage(button);
    }

    private void awaitNextPage(WebElement onThePageBefore) {
        // While the old document goes, chromedriver may answer with an "unknown error" instead of "stale": ask again.
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(onThePageBefore));
    }

    private String ticketNumber() {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ticket-number strong"))).getText();
    }

    @Test
    void everyStateOfTheCitizensPagesPassesAxeAtDesktopAndPhoneWidth() throws Exception {
        Axe axe = Axe.load();
        html = NuHtmlChecker.load("citizen");
        List<String> violations = new ArrayList<>();
        browser.driver.get(url("/"));
        violations.addAll(check(axe, "form"));
        submit();
        violations.addAll(check(axe, "form-errors"));

        browser.driver.get(url("/"));
        String token = browser.driver.findElement(By.name("submissionToken")).getAttribute("value");
        fillTheForm();
        field("consent").click();
        submit();
        String number = ticketNumber();
        violations.addAll(check(axe, "accepted"));

        browser.driver.get(url("/"));
        script("document.querySelector('[name=submissionToken]').value = arguments[0]", token);
        fillTheForm();
        field("consent").click();
        submit();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Обращение уже принято");
        violations.addAll(check(axe, "duplicate"));

        browser.driver.get(url("/feedback/accepted/no-such-result"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Страница результата устарела");
        violations.addAll(check(axe, "result-expired-404"));

        browser.driver.get(url("/status"));
        violations.addAll(check(axe, "status"));
        submit();
        violations.addAll(check(axe, "status-errors"));
        field("ticketNumber").sendKeys("26-123");
        field("email").sendKeys(EMAIL);
        submit();
        assertThat(field("email").getAttribute("value")).as("the typed email is kept").isEqualTo(EMAIL);
        violations.addAll(check(axe, "status-malformed"));
        field("ticketNumber").clear();
        field("ticketNumber").sendKeys(TicketNumber.of(26, 9_999_999).toString());
        submit();
        violations.addAll(check(axe, "status-not-found"));
        field("ticketNumber").clear();
        field("ticketNumber").sendKeys(number);
        submit();
        assertThat(browser.driver.findElement(By.cssSelector(".summary-list")).getText()).contains("Принято");
        violations.addAll(check(axe, "status-found"));

        violations.addAll(htmlErrorsAndSharedTitles());
        assertThat(violations).as("axe-core violations and HTML errors").isEmpty();
    }

    /** The rating page of a «Решено» mail's link: saved by the click, with an error, sent, and a link that rates nothing. */
    @Test
    void everyStateOfTheRatingPagePassesAxeAtDesktopAndPhoneWidth() throws Exception {
        Axe axe = Axe.load();
        html = NuHtmlChecker.load("rating");
        String token = answeredTicketsRatingToken();
        browser.driver.get(url("/rate/" + token + "/4"));
        List<String> violations = new ArrayList<>(check(axe, "rating"));
        assertThat(field("score-4").isSelected()).isTrue();
        assertThat(browser.driver.getPageSource()).as("a real browser's navigation rates in one click")
                .contains("Спасибо, оценка сохранена: «4 — хорошо».");
        script("arguments[0].value = arguments[1];", field("comment"), "б".repeat(1001));
        submit();
        violations.addAll(check(axe, "rating-errors"));
        assertThat(browser.driver.getTitle()).startsWith("Ошибка: ");
        field("comment").clear();
        field("comment").sendKeys("Ответ помог.");
        field("score-5").click();
        submit();
        violations.addAll(check(axe, "rating-thanks"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Спасибо за оценку");
        browser.driver.get(url("/rate/" + token + "/6"));
        violations.addAll(check(axe, "rating-not-found-404"));

        violations.addAll(htmlErrorsAndSharedTitles());
        assertThat(violations).as("axe-core violations and HTML errors").isEmpty();
    }

    /** The Nu Html Checker's errors on every page state seen, and titles two states share (beyond two ways to one outcome). */
    private List<String> htmlErrorsAndSharedTitles() throws IOException, InterruptedException {
        List<String> found = new ArrayList<>(html.errors());
        found.addAll(PageOutline.sharedTitles(titles, Set.of("status-errors", "status-malformed"),
                Set.of("not-found-404", "asset-not-found-404")));
        return found;
    }

    /** A ticket the staff answered a moment ago, on the running server's database; the token of its rating links. */
    private String answeredTicketsRatingToken() {
        org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();
        database.setURL(Database.h2FileUrl(dataDir.resolve("db")));
        database.setUser("sa");
        IntakeFixture intake = IntakeFixture.on(database);
        var created = (IntakeOutcome.Created) intake.service().accept(Submissions.email(Instant.now().minusSeconds(3600))
                .subject("Не загружается справка").build());
        intake.work(Clock.systemUTC()).resolve(created.ticketNumber(), "operator.petrova", "Справка снова загружается.");
        return intake.text("select body from outbox where kind = 'staff_notice'")
                .replaceAll("(?s).*/rate/([A-Za-z0-9_-]+)/1.*", "$1");
    }

    /** Jetty's own errors and a method a path does not serve come in the site's template. */
    @Test
    void siteErrorPagesPassAxeAtDesktopAndPhoneWidth() throws Exception {
        Axe axe = Axe.load();
        html = NuHtmlChecker.load("site-errors");
        browser.driver.get(url("/no-such-page"));
        List<String> violations = new ArrayList<>(check(axe, "not-found-404"));
        browser.driver.get(url("/assets/no-such-file.css"));
        violations.addAll(check(axe, "asset-not-found-404"));
        browser.driver.get(url("/feedback"));
        violations.addAll(check(axe, "method-not-allowed-405"));
        assertThat(browser.driver.getTitle()).startsWith("Ошибка: ");

        violations.addAll(htmlErrorsAndSharedTitles());
        assertThat(violations).as("axe-core violations and HTML errors").isEmpty();
    }

    /**
     * The served HTML kept for the checker; screenshots and axe violations of the page now, at desktop and at phone width, and whether it reflows at 320 px
     * (1280 px at 400% zoom) with its text at 100% and at 200%.
     */
    private List<String> check(Axe axe, String state) throws Exception {
        html.page(state, browser.servedHtml());
        List<String> violations = new ArrayList<>(PageOutline.problems(browser.driver, state));
        violations.addAll(KeyboardWalk.problems(browser.driver, state));
        titles.put(state, browser.driver.getTitle());
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            browser.viewport(width);
            browser.screenshot(state + "-" + width);
            violations.addAll(axe.violations(browser.driver, state + " at " + width + " px"));
        }
        for (String text : new String[] {"100%", "200%"}) {
            violations.addAll(sidewaysScrolling(state, 320, text));
        }
        violations.addAll(sidewaysScrolling(state, Browser.PHONE, "200%"));
        browser.viewport(Browser.DESKTOP);
        return violations;
    }

    /** What sticks out of the page at this width and text size, named by tag, class and text; empty when nothing does. */
    private List<String> sidewaysScrolling(String state, int width, String textSize) throws Exception {
        browser.viewport(width);
        script("document.documentElement.style.fontSize = arguments[0]", textSize);
        try {
            long overflow = ((Number) script("return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth")).longValue();
            if (overflow <= 0) {
                return List.of();
            }
            browser.screenshot(state + "-" + width + "-text-" + textSize.replace("%", "-percent"));
            Object wide = script("const edge = document.documentElement.clientWidth;"
                    + " return [...document.querySelectorAll('body *')].filter(e => !e.closest('.trap'))"
                    + ".filter(e => e.getBoundingClientRect().right > edge + 0.5)"
                    + ".map(e => e.tagName + '.' + e.className + ' «' + e.textContent.trim().slice(0, 40) + '»').join('; ')");
            return List.of(state + " at " + width + " px with text at " + textSize + " scrolls sideways by " + overflow
                    + " px: " + wide);
        } finally {
            script("document.documentElement.style.fontSize = ''");
        }
    }

    /**
     * Chromium takes a required select or checkbox for invalid before anything is sent, and an address in Cyrillic
     * (valid here) for invalid in an email input; a screen reader would read «недопустимое значение» out.
     */
    @Test
    void freshFormReadsNoControlOutAsInvalidNorACyrillicAddressWhileItIsTyped() {
        browser.driver.get(url("/"));
        assertThat(invalidControls()).as("a fresh form").isEmpty();

        field("email").sendKeys("иван@почта.рф");
        field("fullName").sendKeys("Ж");

        assertThat(invalidControls()).as("typed, not yet sent").isEmpty();
    }

    /** The accessible names of every node the accessibility tree marks invalid. */
    @SuppressWarnings("unchecked")
    private List<String> invalidControls() {
        Map<String, Object> tree = browser.driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        return ((List<Map<String, Object>>) tree.get("nodes")).stream()
                .filter(node -> ((List<Map<String, Object>>) node.getOrDefault("properties", List.of())).stream()
                        .anyMatch(property -> "invalid".equals(property.get("name"))
                                && !"false".equals(((Map<String, Object>) property.get("value")).get("value"))))
                .map(node -> String.valueOf(((Map<String, Object>) node.getOrDefault("name", Map.of())).get("value")))
                .toList();
    }

    @Test
    void citizenReachesATicketNumberWithTheKeyboardAlone() throws Exception {
        browser.driver.get(url("/"));
        Actions keys = new Actions(browser.driver);

        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getText()).isEqualTo("Перейти к содержанию");
        keys.sendKeys(Keys.ENTER).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("fullName");
        keys.sendKeys("Смирнова Анна Сергеевна", Keys.TAB, EMAIL, Keys.TAB, "8 916 123-45-67", Keys.TAB).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("callbackTime");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("category");
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        keys.sendKeys(Keys.TAB, "Не загружается справка о доходах", Keys.TAB,
                "При нажатии «Скачать» появляется белый экран.", Keys.TAB, Keys.TAB, Keys.TAB).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("consent");
        keys.sendKeys(Keys.SPACE, Keys.TAB).perform();
        assertThat(focused().getText()).isEqualTo("Отправить");
        browser.screenshot("keyboard-before-submit");
        WebElement button = focused();
        keys.sendKeys(Keys.ENTER).perform();
        awaitNextPage(button);

        assertThat(ticketNumber()).matches("\\d{2}-\\d{7}-\\d");
        browser.screenshot("keyboard-accepted");
    }

    private WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }

    @Test
    void resultHasItsOwnAddressWithoutPersonalDataAndSurvivesAReload() throws Exception {
        Path screenshot = Files.write(dataDir.resolve("снимок экрана.png"), TestFiles.png());
        browser.driver.get(url("/"));
        fillTheForm();
        field("attachments").sendKeys(screenshot.toString());
        field("consent").click();

        submit();

        String number = ticketNumber();
        String address = browser.driver.getCurrentUrl();
        assertThat(number).matches("\\d{2}-\\d{7}-\\d");
        assertThat(address).contains("/feedback/accepted/").doesNotContain("anna", "example", number, "916");
        assertThat(browser.driver.getPageSource()).contains("Обращение принято", "не позднее", "(мск)",
                "будет отправлено на адрес " + EMAIL);
        WebElement before = browser.driver.findElement(By.tagName("h1"));
        browser.driver.navigate().refresh();
        awaitNextPage(before);
        assertThat(ticketNumber()).isEqualTo(number);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(address);
    }

    @Test
    void tooLongSubjectAndASixMegabyteFileAreBothShownAndTheTypedTextIsKept() throws Exception {
        Path big = Files.write(dataDir.resolve("скан.png"), TestFiles.pngOfSize(6 * 1024 * 1024));
        browser.driver.get(url("/"));
        fillTheForm();
        // A browser need not honour maxlength; the server decides.
        script("document.getElementById('subject').removeAttribute('maxlength')");
        field("subject").sendKeys(" — ".repeat(70));
        field("attachments").sendKeys(big.toString());
        field("consent").click();

        submit();

        WebElement summary = browser.driver.findElement(By.id("error-summary"));
        assertThat(browser.driver.getTitle()).startsWith("Ошибка: ");
        assertThat(summary.getText()).contains("Исправьте ошибки, чтобы отправить обращение",
                "Краткое описание — не длиннее 200 символов.", "Файл «скан.png» больше 5 МБ.", "Файлы нужно выбрать заново");
        assertThat(focused().getAttribute("id")).isEqualTo("error-summary");
        assertThat(field("subject-error").getText()).contains("не длиннее 200 символов");
        assertThat(field("attachments-error").getText()).contains("больше 5 МБ");
        assertThat(field("subject").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field("fullName").getAttribute("value")).isEqualTo("Смирнова Анна Сергеевна");
        assertThat(field("description").getAttribute("value")).startsWith("При нажатии «Скачать»");
        assertThat(field("consent").isSelected()).isTrue();
    }

    @Test
    void errorSummaryLinkBringsTheFieldsLabelAndErrorIntoViewOnAPhone() throws Exception {
        browser.phoneSized();
        browser.driver.get(url("/"));
        submit();
        WebElement link = browser.driver.findElement(By.cssSelector("#error-summary a[href='#description']"));

        link.sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(driver ->
                "description".equals(driver.switchTo().activeElement().getAttribute("id")));

        assertThat(focused().getAttribute("id")).isEqualTo("description");
        for (String selector : new String[] {"label[for=description]", "#description-error"}) {
            Number top = (Number) script("return document.querySelector(arguments[0]).getBoundingClientRect().top",
                    selector);
            assertThat(top.doubleValue()).as(selector + " is below the top edge").isGreaterThanOrEqualTo(0);
        }
        browser.viewportScreenshot("summary-link-followed-390");
    }

    @Test
    void staleFormsSummaryLinkTakesTheKeyboardToTheFirstField() throws Exception {
        browser.driver.get(url("/"));
        fillTheForm();
        script("document.querySelector('input[name=csrfToken]').value = 'stale'");
        submit();
        WebElement link = browser.driver.findElement(By.cssSelector("#error-summary a[href='#form']"));

        link.sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(driver ->
                "fullName".equals(driver.switchTo().activeElement().getAttribute("id")));

        assertThat(focused().getAttribute("id")).isEqualTo("fullName");
    }

    @Test
    void counterCountsUpToTheMinimumThenDownToTheMaximumAndDoesNotRepeatTheHint() throws Exception {
        browser.driver.get(url("/"));
        WebElement counter = field("description-counter");
        assertThat(counter.getText()).as("an empty field leaves the limits to the hint").isEmpty();
        assertThat(field("description").getAttribute("aria-describedby")).isEqualTo("description-hint");

        field("description").sendKeys("Белый экран");
        assertThat(counter.getText()).isEqualTo("Ещё нужно 9 символов");
        field("description").sendKeys(" при вхо");
        assertThat(counter.getText()).as("the words agree with one").isEqualTo("Ещё нужен 1 символ");
        field("description").sendKeys("де");
        assertThat(counter.getText()).isEqualTo("Осталось 1979 символов");
        field("description").sendKeys(" в кабин");
        assertThat(counter.getText()).isEqualTo("Остался 1971 символ");
    }

    /**
     * A browser cuts text at a maxlength without a word (a pasted description loses its end) and counts UTF-16 units
     * there; the counter counts characters composed, as the server does, and says how many are too many.
     */
    @Test
    void textOverTheLimitIsKeptWholeAndCountedInCharactersAsTheServerCounts() {
        browser.driver.get(url("/"));

        field("description").sendKeys("Ж".repeat(2001));
        field("subject").sendKeys(java.text.Normalizer.normalize("Йошкар-Ола", java.text.Normalizer.Form.NFD));

        assertThat(field("description").getAttribute("value")).hasSize(2001);
        assertThat(field("description-counter").getText()).isEqualTo("Лишний 1 символ");
        assertThat(field("subject-counter").getText()).isEqualTo("Осталось 190 символов");
    }

    @Test
    void ticketNumberAndPhoneExampleStayOnOneLineOnAPhone() throws Exception {
        browser.phoneSized();
        browser.driver.get(url("/"));
        assertThat(lines("#phone-hint .nowrap")).isEqualTo(1);
        assertThat(script("return getComputedStyle(document.body).overflowWrap")).isEqualTo("break-word");
        fillTheForm();
        field("consent").click();
        submit();

        assertThat(lines(".ticket-number strong")).isEqualTo(1);
        browser.screenshot("accepted-number-390");
    }

    @Test
    void ticketNumberFitsAPhoneOnOneLineWithTextAtTwiceItsSize() throws Exception {
        browser.phoneSized();
        browser.driver.get(url("/"));
        fillTheForm();
        field("consent").click();
        submit();
        script("document.documentElement.style.fontSize = '200%'");

        Number overflow = (Number) script("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth");
        assertThat(overflow.longValue()).as("no horizontal scrolling").isLessThanOrEqualTo(0);
        assertThat(lines(".ticket-number strong")).isEqualTo(1);
        browser.screenshot("accepted-number-text-200-percent-390");
    }

    @Test
    void consentTextFitsAPhoneWithTextAtTwiceItsSize() throws Exception {
        browser.phoneSized();
        browser.driver.get(url("/"));
        script("document.documentElement.style.fontSize = '200%'");

        Number overflow = (Number) script("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth");
        assertThat(overflow.longValue()).as("no horizontal scrolling").isLessThanOrEqualTo(0);
        browser.screenshot("text-200-percent-390");
    }

    /** Lines an element's text takes (an inline block is one box however many lines it wraps to). */
    private long lines(String selector) {
        return (Long) script("const e = document.querySelector(arguments[0]);"
                + " return Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))",
                selector);
    }

    /**
     * The citizen prints the result page to keep the ticket number: on paper without the browser's background colours
     * the number must still be there in dark ink, and the site's links and the skip link are of no use on paper.
     */
    @Test
    void resultPagePrintsTheTicketNumberDarkOnWhiteWithoutTheSitesLinks() throws Exception {
        browser.driver.get(url("/"));
        fillTheForm();
        field("consent").click();
        submit();
        String number = ticketNumber();

        browser.printed(true);
        browser.screenshot("accepted-print");
        try {
            WebElement strong = browser.driver.findElement(By.cssSelector(".ticket-number strong"));
            assertThat(strong.getText()).isEqualTo(number);
            assertThat(luminance(strong.getCssValue("color"))).as("the number's ink is dark").isLessThan(0.2);
            for (String box : new String[] {".panel", ".ticket-number", "main", "body"}) {
                String background = browser.driver.findElement(By.cssSelector(box)).getCssValue("background-color");
                assertThat(background).as(box + " prints no background the printer leaves out")
                        .isIn("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)", "rgba(255, 255, 255, 1)");
            }
            assertThat(browser.driver.findElement(By.cssSelector(".site-footer")).isDisplayed()).isFalse();
        } finally {
            browser.printed(false);
        }
        browser.forcedColours(true);
        browser.screenshot("accepted-forced-colours");
        assertThat(browser.driver.findElement(By.cssSelector(".panel")).getCssValue("border-top-style"))
                .as("the panel keeps an edge where forced colours drop its background").isEqualTo("solid");
        browser.forcedColours(false);

        browser.driver.get(url("/status"));
        field("ticketNumber").sendKeys(number);
        field("email").sendKeys(EMAIL);
        submit();
        browser.printed(true);
        browser.screenshot("status-found-print");
        try {
            assertThat(browser.driver.findElement(By.cssSelector(".summary-list")).getText()).contains("Принято");
            assertThat(browser.driver.findElement(By.cssSelector("form")).isDisplayed())
                    .as("the form for another lookup is left off the paper").isFalse();
        } finally {
            browser.printed(false);
        }
    }

    /** Relative luminance (WCAG) of a CSS colour as Chromium computes it, rgb() or rgba(). */
    private static double luminance(String colour) {
        String[] parts = colour.replaceAll("[^0-9.,]", "").split(",");
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    @Test
    void submitButtonShowsItsFocusAndHasABorderInForcedColours() throws Exception {
        browser.driver.get(url("/"));
        field("consent").sendKeys(Keys.TAB);
        WebElement button = focused();
        assertThat(button.getText()).isEqualTo("Отправить");

        assertThat(button.getCssValue("background-color")).isEqualTo("rgba(255, 221, 0, 1)");
        assertThat(button.getCssValue("box-shadow")).contains("rgb(11, 12, 12)");
        browser.screenshot("button-focused");

        browser.forcedColours(true);
        assertThat(button.getCssValue("border-top-style")).isEqualTo("solid");
        assertThat(button.getCssValue("border-top-width")).isEqualTo("2px");
        assertThat(button.getCssValue("border-top-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        browser.screenshot("forced-colours");
    }
}
