package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.testing.TestFiles;

/**
 * A screenshot pasted into a web mail or a web form's rich-text editor travels inside the HTML as
 * {@code <img src="data:image/png;base64,…">}, in no MIME part of its own. It was dropped with the markup, without a
 * trace on the ticket.
 */
class PastedScreenshotInHtmlTest {

    @TempDir
    Path dir;

    private ParsedMail read(String html) throws Exception {
        return new RawMails(dir).read("Message-ID: <paste@example.ru>|From: Мария <maria@example.ru>|To: support@localhost"
                + "|Subject: Ошибка при оплате|MIME-Version: 1.0|Content-Type: text/html; charset=utf-8||" + html + "|");
    }

    @Test
    void aScreenshotPastedIntoTheHtmlIsAFileOfTheTicket() throws Exception {
        String png = Base64.getMimeEncoder().encodeToString(TestFiles.png()).replace("\r\n", "|");
        ParsedMail mail = read("<p>Скриншот ошибки:</p><p><IMG alt=\"\" SRC='data:image/png;base64," + png
                + "'></p><p>Помогите, пожалуйста.</p>");

        assertThat(mail.text()).isEqualTo("Скриншот ошибки:\n\nПомогите, пожалуйста.");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("attachment-1.png");
            assertThat(file.verdict().isAccepted()).isTrue();
            assertThat(file.inspection().detectedType()).isEqualTo("image/png");
            assertThat(file.inspection().size()).isEqualTo(TestFiles.png().length);
        });
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void aPictureThatIsNotAnImgSourceIsNotTaken() throws Exception {
        String png = Base64.getEncoder().encodeToString(TestFiles.png());
        ParsedMail mail = read("<div style=\"background:url(data:image/png;base64," + png + ")\">Не работает вход.</div>");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void aPastedPictureOfATypeNotTakenIsNamedAndRefused() throws Exception {
        String gif = Base64.getEncoder().encodeToString("GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1));
        ParsedMail mail = read("<p>Вот так:</p><img src=\"data:image/gif;base64," + gif + "\">");
        assertThat(mail.attachments()).extracting(ReceivedFile::name, file -> file.verdict().isAccepted())
                .containsExactly(tuple("attachment-1.gif", false));
    }

    @Test
    void markupFullOfPictureSourcesIsReadInLinearTime() {
        String hostile = "<img src=\"data:image/png;base64,\" ".repeat(60_000) + "<img data:image/png".repeat(60_000)
                + "data:image/png;name=".repeat(60_000);
        List<EmbeddedImages.Image> images = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> EmbeddedImages.in(hostile, new DecodeMonitor()));
        assertThat(images).isEmpty();
    }

    @Test
    void brokenBase64IsReportedNotStored() throws Exception {
        ParsedMail mail = read("<p>Скриншот:</p><img src=\"data:image/png;base64,iVBORw0KGgo=A\">");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.problems())
                .containsExactly("a picture written into the HTML (data: URI) has broken base64 and was not read");
    }
}
