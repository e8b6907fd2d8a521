package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 §1: no message can stall the poller; each is read as far as the limits allow. */
class MailLimitsTest {

    private static final String HEAD = "Message-ID: <s@x>|From: a@example.ru|Subject: s|MIME-Version: 1.0|";

    @TempDir
    Path dir;

    @Test
    void stopsCountingAtThePartLimitWhenAMessageHasAHundredThousandEmptyParts() throws Exception {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=b||" + "--b||".repeat(100_000) + "--b--|";
        long started = System.nanoTime();
        ParsedMail mail = new RawMails(dir).read(raw);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(mail.problems()).contains("the message has more than 1000 MIME parts; the rest was not read");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void countsNestingAcrossForwardedMessagesSoFiveThousandLevelsCannotOverflowTheStack() throws Exception {
        String raw = HEAD + "Content-Type: message/rfc822||"
                + "From: b@example.ru|Subject: fw|Content-Type: message/rfc822||".repeat(5_000) + "From: c@x|Subject: end||end|";
        ParsedMail mail = new RawMails(dir).read(raw);
        assertThat(mail.problems())
                .contains("MIME parts nested deeper than 20 levels (forwarded messages included) were not read");
        assertThat(mail.attachments()).hasSizeLessThanOrEqualTo(21);
    }

    @Test
    void stopsDescendingIntoMultipartsNestedFiveThousandDeep() throws Exception {
        StringBuilder raw = new StringBuilder(HEAD);
        for (int i = 0; i < 5_000; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=b").append(i).append("||--b").append(i).append('|');
        }
        ParsedMail mail = new RawMails(dir).read(raw.append("Content-Type: text/plain||deep|").toString());
        assertThat(mail.problems()).anyMatch(problem -> problem.startsWith("MIME parts nested deeper than 20 levels"));
    }

    @Test
    void skipsHeaderFieldsPastTheHeaderLimitAndStillReadsTheBody() throws Exception {
        String raw = HEAD + "X-Padding: " + "x".repeat(2_000) + "|X-More: " + "y".repeat(2_000)
                + "|Content-Type: text/plain; charset=utf-8||Текст обращения|";
        ParsedMail mail = new RawMails(dir, MimeLimits.defaults().withMaxHeaderBytes(3_000), Clock.systemUTC()).read(raw);
        assertThat(mail.problems()).contains("a header block is longer than 3000 bytes; the fields past that were skipped");
        assertThat(mail.text()).isEqualTo("Текст обращения");
    }

    @Test
    void readsEveryFieldAfterOneUnfoldedLineOfSevenHundredRecipients() throws Exception {
        StringBuilder to = new StringBuilder("To: ");
        for (int i = 0; i < 700; i++) {
            to.append(i == 0 ? "" : ", ").append("priemnaya").append(i).append("@region.gov.ru");
        }
        assertThat(to.length()).isGreaterThan(16 * 1024);
        String raw = "Message-ID: <s@x>|From: a@example.ru|" + to + "|Subject: Коллективная жалоба|MIME-Version: 1.0|"
                + "Content-Type: text/plain; charset=utf-8||Текст обращения|";
        ParsedMail mail = new RawMails(dir).read(raw);
        assertThat(mail.subject()).isEqualTo("Коллективная жалоба");
        assertThat(mail.text()).isEqualTo("Текст обращения");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void stopsReadingWhenTheTimeIsUp() throws Exception {
        Clock ticking = new TickingClock(Duration.ofMillis(50));
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=b||"
                + "--b|Content-Type: text/plain||part|".repeat(50) + "--b--|";
        ParsedMail mail = new RawMails(dir, MimeLimits.defaults().withMaxDuration(Duration.ofSeconds(5)), ticking).read(raw);
        assertThat(mail.problems()).contains("reading the message took longer than 5 s; the rest was not read");
        assertThat(mail.text()).contains("part");
        assertThat(mail.text().split("part", -1).length - 1).isLessThan(50);
    }

    @Test
    void readsAMessageWhoseOnlyHeaderIsHugeAsAParsedMailNotAnException() throws Exception {
        byte[] raw = ("Subject: " + "z".repeat(1_000_000) + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        ParsedMail mail = new RawMails(dir).readBytes(raw);
        assertThat(mail.text()).isEqualTo("body");
        assertThat(mail.problems()).anyMatch(problem -> problem.startsWith("a header block is longer than"));
    }

    /** A clock that moves on by a fixed step each time it is read. */
    private static final class TickingClock extends Clock {
        private final Duration step;
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        TickingClock(Duration step) {
            this.step = step;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plus(step);
            return now;
        }
    }
}
