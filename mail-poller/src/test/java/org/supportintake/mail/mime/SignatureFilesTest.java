package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.testing.TestFiles;

/** Signatures as Russian citizens send them: S/MIME-signed mail (КЭП in Outlook), and detached .p7s / .sig files. */
class SignatureFilesTest {

    private static final String PDF = Base64.getMimeEncoder().encodeToString(TestFiles.pdf());
    private static final String CMS = Base64.getMimeEncoder().encodeToString(new byte[] {0x30, (byte) 0x82, 0x01, 0x00,
            0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02, 0x00});

    @TempDir
    Path dir;

    @Test
    void theSignatureOfASignedMessageIsNoFileOfTheCitizen() throws Exception {
        ParsedMail mail = new RawMails(dir).read("From: buh@romashka.ru|Subject: Отчёт|MIME-Version: 1.0"
                + "|Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=s||"
                + "--s|Content-Type: multipart/mixed; boundary=m||--m|Content-Type: text/plain; charset=utf-8||"
                + "Отчёт не подписывается, ошибка 0x80090008.|--m|Content-Type: application/pdf; name=otchet.pdf"
                + "|Content-Transfer-Encoding: base64||" + PDF + "|--m--||--s"
                + "|Content-Type: application/pkcs7-signature; name=smime.p7s|Content-Transfer-Encoding: base64||"
                + CMS + "|--s--|");

        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("otchet.pdf");
    }

    @Test
    void aSignatureFileAttachedBesideItsDocumentIsNamedOnTheTicket() throws Exception {
        ParsedMail mail = new RawMails(dir).read("From: petrov@mail.ru|Subject: Заявление|MIME-Version: 1.0"
                + "|Content-Type: multipart/mixed; boundary=m||--m|Content-Type: text/plain; charset=utf-8||"
                + "Направляю заявление с подписью.|--m|Content-Type: application/pdf; name=zayavlenie.pdf"
                + "|Content-Transfer-Encoding: base64||" + PDF + "|--m"
                + "|Content-Type: application/pkcs7-signature; name=zayavlenie.pdf.p7s"
                + "|Content-Disposition: attachment; filename=zayavlenie.pdf.p7s|Content-Transfer-Encoding: base64||"
                + CMS + "|--m--|");

        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("zayavlenie.pdf", "zayavlenie.pdf.p7s");
        assertThat(mail.attachments().get(1).verdict().isAccepted()).isFalse();
    }
}
