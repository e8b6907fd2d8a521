package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.testing.TestFiles;

/**
 * A citizen forwards, as an attachment, the letter an office sent them with a 6 MB scan: the letter is kept as a
 * file and the scan inside it is judged on its own. The letter's bytes hold the scan's, so counting both against the
 * 10 MB of one email refused the scan as «общий размер файлов слишком велик».
 */
class ForwardedLetterWithAScanTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void theScanInsideAForwardedLetterIsAcceptedBesideTheLetter() throws Exception {
        String letter = "From: MFC <info@mfc.example.ru>|To: ivan@example.ru|Subject: scan|Message-ID: <in@mfc>"
                + "|MIME-Version: 1.0|Content-Type: multipart/mixed; boundary=\"in\"||"
                + "--in|Content-Type: text/plain; charset=utf-8||Скан во вложении.|"
                + "--in|Content-Type: application/pdf; name=\"scan.pdf\"|Content-Transfer-Encoding: base64||"
                + Base64.getMimeEncoder().encodeToString(TestFiles.pdfOfSize(6 * MB)).replace("\r\n", "|") + "|--in--|";
        ParsedMail mail = new RawMails(dir).read("From: Ivan <ivan@example.ru>|To: support@localhost|Subject: Fwd: scan"
                + "|Message-ID: <out@example.ru>|MIME-Version: 1.0|Content-Type: multipart/mixed; boundary=\"out\"||"
                + "--out|Content-Type: text/plain; charset=utf-8||Пересылаю письмо со сканом.|"
                + "--out|Content-Type: message/rfc822|Content-Disposition: attachment; filename=\"scan.eml\"||"
                + letter + "|--out--|");

        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("scan.eml", "scan.pdf");
        assertThat(mail.attachments()).allSatisfy(file -> assertThat(file.verdict().isAccepted()).isTrue());
        assertThat(mail.attachments().get(1).inspection().size()).isEqualTo(6 * MB);
        assertThat(mail.text()).contains("Пересылаю письмо со сканом.", "Скан во вложении.");
    }

    private static String forwarding(String letter, String disposition) {
        return "From: Ivan <ivan@example.ru>|To: support@localhost|Subject: Fwd: scan"
                + "|Message-ID: <out@example.ru>|MIME-Version: 1.0|Content-Type: multipart/mixed; boundary=\"out\"||"
                + "--out|Content-Type: text/plain; charset=utf-8||Пересылаю письмо со сканом.|"
                + "--out|Content-Type: message/rfc822|" + disposition + "|" + letter + "|--out--|";
    }

    private static String letterWith(String fileName, byte[] bytes) {
        return "From: MFC <info@mfc.example.ru>|To: ivan@example.ru|Subject: =?utf-8?B?0KHQutCw0L0g0LfQsNGP0LLQu9C10L3QuNGP?="
                + "|Message-ID: <in@mfc>|MIME-Version: 1.0|Content-Type: multipart/mixed; boundary=\"in\"||"
                + "--in|Content-Type: text/plain; charset=utf-8||Скан во вложении.|"
                + "--in|Content-Type: application/octet-stream; name=\"" + fileName + "\"|Content-Transfer-Encoding: base64||"
                + Base64.getMimeEncoder().encodeToString(bytes).replace("\r\n", "|") + "|--in--|";
    }

    /**
     * An 8 MB scan is 11 MB in base64: the letter is over the 10 MB of one file while the scan inside it is not. The
     * acknowledgement named the letter «не принят: файл слишком большой (их нет в обращении)» though its text and scan
     * were on the ticket.
     */
    @Test
    void aForwardedLetterLargerThanOneFileIsNotNamedAsRefusedWhenItsScanAndTextWereTaken() throws Exception {
        ParsedMail mail = new RawMails(dir).read(forwarding(letterWith("scan.pdf", TestFiles.pdfOfSize(8 * MB)), ""));

        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("scan.pdf");
        assertThat(mail.attachments().get(0).verdict().isAccepted()).isTrue();
        assertThat(mail.text()).contains("Пересылаю письмо со сканом.", "Скан во вложении.");
        assertThat(mail.problems()).containsExactly("the forwarded message \"Скан заявления.eml\" is larger than one"
                + " file may be, so it was not kept as a file of its own; its text and files were taken");
    }

    /** Kept whole, the letter would hand staff the refused program inside it. */
    @Test
    void aForwardedLetterCarryingARefusedFileIsNotKeptAndTheFileIsNamedOnItsOwn() throws Exception {
        ParsedMail mail = new RawMails(dir).read(forwarding(letterWith("setup.exe", TestFiles.pe()),
                "Content-Disposition: attachment; filename=\"letter.eml\"|"));

        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("setup.exe");
            assertThat(file.verdict().isAccepted()).isFalse();
        });
        assertThat(mail.problems()).containsExactly("a forwarded message was not kept as a file of its own: it carries"
                + " \"setup.exe\", which was not accepted; its text and accepted files were taken");
    }

    @Test
    void aForwardedLetterWithoutAFileNameIsNamedByItsSubject() throws Exception {
        ParsedMail mail = new RawMails(dir).read(forwarding(letterWith("scan.pdf", TestFiles.pdf()), ""));

        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("Скан заявления.eml", "scan.pdf");
        assertThat(mail.attachments()).allSatisfy(file -> assertThat(file.verdict().isAccepted()).isTrue());
    }
}
