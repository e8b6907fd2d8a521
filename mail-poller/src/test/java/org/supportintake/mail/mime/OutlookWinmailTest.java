package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.attachments.testing.TestFiles;

/** Outlook in rich-text mode sends the citizen's files packed into winmail.dat (application/ms-tnef). */
class OutlookWinmailTest {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    @TempDir
    Path dir;

    private ParsedMail mailWithWinmail(byte[] winmail) throws Exception {
        return new RawMails(dir).read("Message-ID: <tnef-1@corp.ru>|From: user@corp.ru|Subject: Документы|MIME-Version: 1.0"
                + "|Content-Type: multipart/mixed; boundary=tn||--tn|Content-Type: text/plain; charset=utf-8||"
                + "Во вложении документы.|--tn|Content-Type: application/ms-tnef; name=\"winmail.dat\""
                + "|Content-Disposition: attachment; filename=\"winmail.dat\"|Content-Transfer-Encoding: base64||"
                + Base64.getMimeEncoder().encodeToString(winmail) + "|--tn--|");
    }

    @Test
    void theFilesInsideWinmailDatReachTheTicketUnderTheirCyrillicNames() throws Exception {
        byte[] winmail = new TnefBytes().codepage(1251)
                .file("Заявл~1.pdf", WINDOWS_1251, TestFiles.pdf(), "Заявление на выдачу справки.pdf")
                .file("Скан паспорта.jpg", WINDOWS_1251, TestFiles.jpeg(), null)
                .bytes();

        ParsedMail mail = mailWithWinmail(winmail);

        assertThat(mail.attachments()).extracting(ReceivedFile::name)
                .containsExactly("Заявление на выдачу справки.pdf", "Скан паспорта.jpg");
        assertThat(mail.attachments()).allMatch(file -> file.verdict().isAccepted());
        assertThat(mail.problems()).containsExactly(
                "winmail.dat (Outlook TNEF) attachment: the 2 file(s) inside it were taken out and judged");
    }

    @Test
    void aProgramInsideWinmailDatIsJudgedLikeAnyOtherFile() throws Exception {
        byte[] winmail = new TnefBytes().file("setup.exe", WINDOWS_1251, new byte[] {'M', 'Z', 0, 0, 1, 2}, null).bytes();

        ReceivedFile only = mailWithWinmail(winmail).attachments().get(0);

        assertThat(only.name()).isEqualTo("setup.exe");
        assertThat(only.rejection()).contains(RejectionReason.TYPE_NOT_ALLOWED);
    }

    @Test
    void aWinmailDatThatIsNoTnefIsJudgedWholeAsBefore() throws Exception {
        ParsedMail mail = mailWithWinmail(new byte[] {0x78, (byte) 0x9f, 0x3e, 0x22, 1, 2, 3});

        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("winmail.dat");
        assertThat(mail.attachments().get(0).verdict().isAccepted()).isFalse();
        assertThat(mail.problems()).containsExactly(
                "winmail.dat (Outlook TNEF) attachment: the files inside it could not be read");
    }

    @Test
    void aWinmailDatWithMoreFilesThanAMailMayHavePartsIsNotTakenApart() {
        TnefBytes many = new TnefBytes().codepage(1251);
        for (int i = 0; i <= OutlookTnef.MAX_FILES; i++) {
            many.file("a.pdf", WINDOWS_1251, new byte[] {1}, "");
        }
        assertThat(OutlookTnef.files(many.bytes())).isEmpty();
        assertThat(OutlookTnef.files(new TnefBytes().codepage(1251).file("a.pdf", WINDOWS_1251, new byte[] {1}, "")
                .bytes())).hasValueSatisfying(files -> assertThat(files).hasSize(1));
    }

    @Test
    void cutOrHostileTnefBytesNeverThrow() {
        byte[] whole = new TnefBytes().codepage(1251)
                .file("a.pdf", WINDOWS_1251, TestFiles.pdf(), "Заявление.pdf").bytes();
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThat(OutlookTnef.files(cut)).as("cut at %d", length).isNotNull();
        }
        byte[] lying = whole.clone();
        lying[whole.length - 30] = (byte) 0xFF; // a length inside the long name's properties
        assertThat(OutlookTnef.files(lying)).isNotNull();
    }
}
