package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.testing.TestFiles;

class MailReaderTest {

    private static final String NAME = "Справка о доходах 2-НДФЛ (Ёлкина).pdf";

    @TempDir
    Path dir;

    private ReceivedFile onlyAttachment(String dispositionParameter) throws Exception {
        String raw = "Message-ID: <a@b.ru>\r\nFrom: a@b.ru\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nсм. вложение\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; " + dispositionParameter
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(TestFiles.pdf())
                + "\r\n--b--\r\n";
        Path eml = Files.write(dir.resolve("m.eml"), raw.getBytes(StandardCharsets.US_ASCII));
        FileStore store = new FileStore(dir.resolve("store"));
        MailReader reader = new MailReader();
        try (var opened = reader.open(eml)) {
            ParsedMail mail = reader.read(opened.message(), new AttachmentInspector(store).batch(AttachmentPolicy.email()));
            assertThat(mail.problems()).isEmpty();
            assertThat(mail.attachments()).hasSize(1);
            return mail.attachments().get(0);
        }
    }

    private static String encodedWord(String charset, String encoding) {
        byte[] bytes = NAME.getBytes(Charset.forName(charset));
        if (encoding.equals("B")) {
            return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
        }
        StringBuilder q = new StringBuilder("=?" + charset + "?Q?");
        for (byte b : bytes) {
            q.append(String.format("=%02X", b & 0xFF));
        }
        return q.append("?=").toString();
    }

    @ParameterizedTest
    @CsvSource({"koi8-r, B", "koi8-r, Q", "windows-1251, B", "windows-1251, Q", "utf-8, B", "utf-8, Q"})
    void fileNamesInEncodedWordsDecodeExactly(String charset, String encoding) throws Exception {
        ReceivedFile file = onlyAttachment("filename=\"" + encodedWord(charset, encoding) + "\"");
        assertThat(file.name()).isEqualTo(NAME);
        assertThat(file.verdict().isAccepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"koi8-r", "windows-1251", "utf-8"})
    void fileNamesInRfc2231DecodeExactly(String charset) throws Exception {
        String encoded = URLEncoder.encode(NAME, Charset.forName(charset)).replace("+", "%20");
        ReceivedFile file = onlyAttachment("filename*=" + charset + "''" + encoded);
        assertThat(file.name()).isEqualTo(NAME);
    }

    @ParameterizedTest
    @CsvSource({"utf-8", "windows-1251"})
    void longFileNamesSplitOverRfc2231ContinuationsDecodeExactly(String charset) throws Exception {
        String encoded = URLEncoder.encode(NAME, Charset.forName(charset)).replace("+", "%20");
        int half = encoded.lastIndexOf('%', encoded.length() / 2);
        ReceivedFile file = onlyAttachment("filename*0*=" + charset + "''" + encoded.substring(0, half)
                + ";\r\n filename*1*=" + encoded.substring(half));
        assertThat(file.name()).isEqualTo(NAME);
    }

    @Test
    void keepsADecodedDisplayNameWithACommaInOnePiece() throws Exception {
        ParsedMail mail = new RawMails(dir).read("From: =?utf-8?Q?=D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2=2C_=D0=98=D0=B2=D0=B0=D0=BD?="
                + " <ivan@example.ru>|Subject: x||text|");
        assertThat(mail.from()).isEqualTo(new MailAddress("ivan@example.ru", "Петров, Иван"));
    }

    @Test
    void readsARawUtf8SenderAddressAsItsLetters() throws Exception {
        ParsedMail mail = new RawMails(dir).read("From: Иван Петров <иван@почта.рф>|Subject: Вопрос по записи||text|");
        assertThat(mail.from()).isEqualTo(new MailAddress("иван@почта.рф", "Иван Петров"));
    }

    @Test
    void skipsTheSeparatorLineOfAnMboxFile() throws Exception {
        ParsedMail mail = new RawMails(dir).read("From ivan@example.ru Tue Dec  1 10:00:00 2026|From: ivan@example.ru|Subject: Вопрос||text|");
        assertThat(mail.subject()).isEqualTo("Вопрос");
        assertThat(mail.text()).isEqualTo("text");
    }

    @Test
    void readsAContentTypeWithoutSubtypeAsPlainText() throws Exception {
        ParsedMail mail = new RawMails(dir).read("From: ivan@example.ru|Subject: x|Content-Type: text; charset=utf-8||Текст|");
        assertThat(mail.text()).isEqualTo("Текст");
        assertThat(mail.attachments()).isEmpty();
    }

    /** The set-aside list shows staff the subject of mail nobody could read: no override may reorder that row. */
    @Test
    void theHeadlineOfMailSetAsideShowsNoBidiOverrides() throws Exception {
        Path eml = Files.writeString(dir.resolve("aside.eml"), "From: ivan@example.ru\r\nSubject: =?utf-8?B?"
                + Base64.getEncoder().encodeToString("Счёт \u202Efdp.exe\u202C".getBytes(StandardCharsets.UTF_8))
                + "?=\r\n\r\ntext\r\n");
        assertThat(new MailReader().headline(eml).subject()).isEqualTo("Счёт fdp.exe");
    }
}
