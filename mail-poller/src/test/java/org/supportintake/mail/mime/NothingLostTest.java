package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.attachments.store.UnableToStoreAttachmentException;
import org.supportintake.attachments.testing.TestFiles;

/** Issue 12 §2: what the sender got wrong is named; what our infrastructure got wrong is thrown. */
class NothingLostTest {

    private static final String HEAD = "Message-ID: <n@x>|From: a@example.ru|Subject: s|MIME-Version: 1.0|"
            + "Content-Type: multipart/mixed; boundary=b||--b|Content-Type: text/plain; charset=utf-8||см. файл|";

    @TempDir
    Path dir;

    private static String pdfPart(String encoding, String body) {
        return "--b|Content-Type: application/pdf; name=scan.pdf|Content-Transfer-Encoding: " + encoding + "||" + body
                + "|--b--|";
    }

    @Test
    void aStorageFaultIsThrownNotTakenForTheCitizensBadFile() throws Exception {
        RawMails mails = new RawMails(dir);
        deleteTree(dir.resolve("store").resolve("staging"));
        String raw = HEAD + pdfPart("base64", Base64.getMimeEncoder().encodeToString(TestFiles.pdf()));
        assertThatThrownBy(() -> mails.read(raw)).isInstanceOf(UnableToStoreAttachmentException.class);
    }

    /** The test PDF in whole base64 quads, so that whatever follows is the broken end. */
    private static String wholeQuads() {
        byte[] pdf = TestFiles.pdf();
        return Base64.getMimeEncoder().encodeToString(java.util.Arrays.copyOf(pdf, pdf.length + (3 - pdf.length % 3) % 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "A=", "=", "==\n-- \nsent from my phone"})
    void keepsABase64FileWithABrokenEndAndNamesTheDamageWithoutAPath(String brokenEnd) throws Exception {
        String base64 = wholeQuads();
        ParsedMail mail = new RawMails(dir).read(HEAD + pdfPart("base64", base64 + brokenEnd));
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("scan.pdf");
            assertThat(file.verdict().isAccepted()).isTrue();
        });
        assertThat(mail.problems()).containsExactly("attachment \"scan.pdf\" is damaged (base64); it was read as far as it goes");
        assertThat(String.join("\n", mail.problems())).doesNotContain(dir.toString()).doesNotContain("/");
    }

    @Test
    void missingPaddingIsNoDamage() throws Exception {
        String base64 = Base64.getMimeEncoder().encodeToString(TestFiles.pdf()).replaceAll("=+$", "");
        ParsedMail mail = new RawMails(dir).read(HEAD + pdfPart("base64", base64));
        assertThat(mail.attachments()).singleElement().satisfies(file -> assertThat(file.verdict().isAccepted()).isTrue());
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void aPartInAnUnknownTransferEncodingIsARejectedUnreadableFile() throws Exception {
        ParsedMail mail = new RawMails(dir).read(HEAD + pdfPart("x-gzip64", "H4sIAAAA"));
        ReceivedFile file = mail.attachments().get(0);
        assertThat(file.name()).isEqualTo("scan.pdf");
        assertThat(file.rejection()).contains(RejectionReason.UNREADABLE);
        assertThat(mail.problems()).containsExactly(
                "attachment \"scan.pdf\" has an unknown transfer encoding (x-gzip64) and could not be read");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"8bits; 8bit", "plain; 8bit", "text/html; 8bit", "'\"7bits\"'; 7bit",
            "Quoted Printable; quoted-printable", "quoted_printable; quoted-printable", "base-64; base64"})
    void readsTheTextUnderAMisspeltTransferEncodingAndNamesIt(String declared, String readAs) throws Exception {
        String body = switch (readAs) {
            case "quoted-printable" -> "=D0=9D=D0=B5 =D0=BC=D0=BE=D0=B3=D1=83 =D0=B7=D0=B0=D0=BF=D0=B8=D1=81=D0=B0"
                    + "=D1=82=D1=8C=D1=81=D1=8F";
            case "base64" -> Base64.getEncoder().encodeToString("Не могу записаться".getBytes(StandardCharsets.UTF_8));
            default -> "Не могу записаться";
        };
        String raw = "From: a@example.ru|Subject: s|MIME-Version: 1.0|Content-Type: text/plain; charset=utf-8"
                + "|Content-Transfer-Encoding: " + declared + "||" + body + "|";
        ParsedMail mail = new RawMails(dir).read(raw);
        assertThat(mail.text()).isEqualTo("Не могу записаться");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.problems()).containsExactly("a text/plain part declares the transfer encoding \""
                + declared.replace("\"", "") + "\"; it was read as " + readAs);
    }

    @Test
    void aMisspeltEncodingOnThePlainAlternativeMakesNoFileOfIt() throws Exception {
        String raw = "From: a@example.ru|Subject: s|MIME-Version: 1.0|Content-Type: multipart/alternative; boundary=b||"
                + "--b|Content-Type: text/plain; charset=utf-8|Content-Transfer-Encoding: quoted printable||"
                + "=D0=9F=D1=80=D0=B8=D0=B2=D0=B5=D1=82|--b|Content-Type: text/html; charset=utf-8|"
                + "Content-Transfer-Encoding: 8bit||<p>Привет</p>|--b--|";
        ParsedMail mail = new RawMails(dir).read(raw);
        assertThat(mail.text()).isEqualTo("Привет");
        assertThat(mail.attachments()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain;; charset=utf-8", "text/plain; charset=", "text/plain; charset=\"\"",
            "text/plain; charset=utf-8; format", "text/plain; name=Обращение.txt; charset=utf-8",
            "text/plain; charset=utf-8;", "TEXT/PLAIN ; CHARSET = UTF-8"})
    void readsTheTextUnderASlightlyMalformedContentType(String contentType) throws Exception {
        String raw = "From: a@example.ru|Subject: s|MIME-Version: 1.0|Content-Type: " + contentType
                + "|Content-Transfer-Encoding: 8bit||Не могу записаться к врачу|";
        ParsedMail mail = new RawMails(dir).read(raw);
        assertThat(mail.text()).isEqualTo("Не могу записаться к врачу");
        assertThat(mail.attachments()).isEmpty();
    }

    private static void deleteTree(Path path) throws Exception {
        try (var all = Files.walk(path)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
