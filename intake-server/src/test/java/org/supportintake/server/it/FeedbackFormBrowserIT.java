package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.server.wiring.IntakeApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The citizen's form in a real headless Chromium against the real application. */
class FeedbackFormBrowserIT {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort());
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

    private void fillTheForm() {
        field("fullName").sendKeys("Смирнова Анна Сергеевна");
        field("email").sendKeys("anna.smirnova@example.ru");
        field("phone").sendKeys("8 (916) 123-45-67");
        new Select(field("category")).selectByValue("technical_problem");
        field("subject").sendKeys("Не загружается справка о доходах");
        field("description").sendKeys("При нажатии «Скачать» появляется белый экран. Пробовала в двух браузерах.");
    }

    @Test
    void citizenFillsTheFormAttachesAScreenshotAndGetsATicketNumber() throws Exception {
        Path screenshot = Files.write(dataDir.resolve("снимок экрана.png"), TestFiles.png());
        browser.driver.get(url("/"));
        fillTheForm();
        field("attachments").sendKeys(screenshot.toString());
        field("consent").click();
        browser.screenshot("form-filled");

        field("consent").submit();

        String number = browser.driver.findElement(By.cssSelector(".ticket-number strong")).getText();
        assertThat(number).matches("\\d{2}-\\d{7}-\\d");
        assertThat(browser.driver.getPageSource()).contains("Обращение принято", "не позднее", "anna.smirnova@example.ru");
        browser.screenshot("accepted");
    }

    @Test
    void tooLongSubjectAndASixMegabyteFileAreBothShownAndTheTypedTextIsKept() throws Exception {
        Path big = Files.write(dataDir.resolve("скан.png"), TestFiles.pngOfSize(6 * 1024 * 1024));
        browser.driver.get(url("/"));
        fillTheForm();
        // A browser need not honour maxlength; the server decides.
        browser.driver.executeScript("document.getElementById('subject').removeAttribute('maxlength')");
        field("subject").sendKeys(" — ".repeat(70));
        field("attachments").sendKeys(big.toString());
        field("consent").click();

        field("consent").submit();

        WebElement summary = browser.driver.findElement(By.id("error-summary"));
        assertThat(summary.getText()).contains("Краткое описание — не длиннее 200 символов.",
                "Файл «скан.png» больше 5 МБ.", "Файлы нужно выбрать заново");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertThat(field("subject-error").getText()).contains("не длиннее 200 символов");
        assertThat(field("attachments-error").getText()).contains("больше 5 МБ");
        assertThat(field("subject").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field("fullName").getAttribute("value")).isEqualTo("Смирнова Анна Сергеевна");
        assertThat(field("description").getAttribute("value")).startsWith("При нажатии «Скачать»");
        assertThat(field("consent").isSelected()).isTrue();
        browser.screenshot("errors");
        browser.phoneSized();
        browser.screenshot("errors-phone");
    }

    @Test
    void errorSummaryLinksLeadToTheirFieldsByKeyboard() throws Exception {
        browser.driver.get(url("/"));
        field("consent").submit();

        WebElement firstLink = browser.driver.findElement(By.cssSelector("#error-summary a"));
        assertThat(firstLink.getAttribute("href")).endsWith("#fullName");
        firstLink.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("fullName");
        browser.phoneSized();
        browser.driver.get(url("/"));
        browser.screenshot("form-phone");
    }
}
