package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.intake.RejectedAttachment;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.MailTemplates;
import org.supportintake.core.rating.RatingKey;
import org.supportintake.core.rating.RatingLinks;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.work.CitizenNotices;

/**
 * The HTML alternative of every mail the service sends, as written by the real wording classes, laid out by Chromium
 * at a phone's narrowest width: a long file name, a long link in a staff answer or a ticket link in the digest wraps
 * instead of running off the screen, and the ticket number, read out over the phone, stays on one line.
 */
class MailHtmlBrowserIT {

    private static final String SITE = "https://support.example.ru";
    private static final int NARROW = 320;
    private static Browser browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyMailFitsANarrowPhoneScreenWhateverLongValuesItHolds() throws Exception {
        TicketNumber number = TicketNumber.of(26, 4217);
        Instant due = Instant.parse("2026-12-03T11:17:00Z");
        List<RejectedAttachment> rejected = List.of(new RejectedAttachment("Сканпаспорта".repeat(15) + ".exe",
                RejectionReason.TYPE_NOT_ALLOWED));
        String staffText = "Подробнее: https://www.gosuslugi.ru/help/faq/" + "zapis_k_vrachu_".repeat(8);
        AcknowledgementText text = new AcknowledgementText(SITE);
        CitizenNotices notices = new CitizenNotices(SITE,
                new RatingLinks(RatingKey.of("a rating secret of thirty-two characters or more"), SITE));
        Map<String, String> mails = new LinkedHashMap<>();
        mails.put("acknowledgement", text.body("Иванова Мария", number, "Техническая проблема", due, false, rejected).html());
        mails.put("explanation", text.explanationBody("Иванова Мария", "Ж".repeat(200), rejected).html());
        mails.put("taken", notices.taken(number, due).html());
        mails.put("question", notices.question(number, staffText).html());
        mails.put("answer", notices.answer(number, staffText, 7, 5, due).html());
        mails.put("delay", notices.delay(number, due, due.plusSeconds(86_400), staffText).html());
        mails.put("digest", new MailTemplates().render("digest", Map.of("subject", "Сводка службы поддержки на 3 декабря 2026",
                "since", "2 декабря 2026, 12:00 (мск)", "sections", List.of(Map.of("title", "Просрочены", "count", 1,
                        "any", true, "tickets", List.of(Map.of("number", number.toString(),
                                "link", SITE + "/staff/tickets/" + number))))))
                .html());

        NuHtmlChecker html = NuHtmlChecker.load("mail");
        browser.viewport(NARROW);
        for (Map.Entry<String, String> mail : mails.entrySet()) {
            html.page("mail-" + mail.getKey(), mail.getValue());
            Path file = Files.writeString(dir.resolve(mail.getKey() + ".html"), mail.getValue());
            browser.driver.get(file.toUri().toString());
            browser.screenshot("mail-" + mail.getKey() + "-" + NARROW);
            long width = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth;");
            assertThat(width).as(mail.getKey() + " at " + NARROW + " px").isLessThanOrEqualTo(NARROW);
            if (mail.getValue().contains(number.toString())) {
                assertThat((Long) browser.driver.executeScript("""
                        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                        let lines = 0;
                        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                            const at = node.data.indexOf(arguments[0]);
                            if (at < 0) continue;
                            const range = document.createRange();
                            range.setStart(node, at);
                            range.setEnd(node, at + arguments[0].length);
                            lines = Math.max(lines, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size);
                        }
                        return lines;""", number.toString())).as(mail.getKey() + ": lines the ticket number takes")
                        .isEqualTo(1L);
            }
        }
        assertThat(html.errors()).as("HTML errors in the mails").isEmpty();
    }
}
