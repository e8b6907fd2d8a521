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
}
