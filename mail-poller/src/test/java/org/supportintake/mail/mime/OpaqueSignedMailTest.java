package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.attachments.testing.TestFiles;

/** Outlook with a qualified signature (КЭП) and clear signing off sends the whole message inside smime.p7m. */
class OpaqueSignedMailTest {

    private static final byte[] SIGNED_DATA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02};
    private static final byte[] DATA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x01};
    private static final byte[] ENVELOPED_DATA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x03};
    private static final byte[] GOST_DIGEST = {0x2A, (byte) 0x85, 0x03, 0x07, 0x01, 0x01, 0x02, 0x02};

    private static final String INNER = "Content-Type: multipart/mixed; boundary=in\r\n\r\n--in\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "Прошу принять заявление, подписанное КЭП.\r\n--in\r\nContent-Type: application/pdf; name=zayavlenie.pdf\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(TestFiles.pdf())
            + "\r\n--in--\r\n";

    @TempDir
    Path dir;

    private ParsedMail mailWithP7m(byte[] cms) throws Exception {
        return new RawMails(dir).read("Message-ID: <p7m@romashka.ru>|From: buh@romashka.ru|Subject: Заявление"
                + "|MIME-Version: 1.0|Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m"
                + "|Content-Disposition: attachment; filename=smime.p7m|Content-Transfer-Encoding: base64||"
                + Base64.getMimeEncoder().encodeToString(cms) + "|");
    }

    @Test
    void theTextAndFilesInsideAnOpaqueSignatureAreTheMessagesOwn() throws Exception {
        byte[] content = INNER.getBytes(StandardCharsets.UTF_8);
        byte[] cms = der(0x30, der(0x06, SIGNED_DATA), der(0xA0, der(0x30, der(0x02, new byte[] {1}),
                der(0x31, der(0x30, der(0x06, GOST_DIGEST))), der(0x30, der(0x06, DATA), der(0xA0, der(0x04, content))),
                der(0x31))));

        ParsedMail mail = mailWithP7m(cms);

        assertThat(mail.text()).isEqualTo("Прошу принять заявление, подписанное КЭП.");
        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("zayavlenie.pdf");
        assertThat(mail.attachments().get(0).verdict().isAccepted()).isTrue();
    }

    @Test
    void contentInIndefiniteLengthsAndChunkedOctetsAsCryptoApiWritesItIsJoined() throws Exception {
        byte[] content = INNER.getBytes(StandardCharsets.UTF_8);
        int half = content.length / 2;
        byte[] chunked = indefinite(0x24, der(0x04, java.util.Arrays.copyOf(content, half)),
                der(0x04, java.util.Arrays.copyOfRange(content, half, content.length)));
        byte[] cms = indefinite(0x30, der(0x06, SIGNED_DATA), indefinite(0xA0, indefinite(0x30, der(0x02, new byte[] {1}),
                der(0x31), indefinite(0x30, der(0x06, DATA), indefinite(0xA0, chunked)), der(0x31))));

        ParsedMail mail = mailWithP7m(cms);

        assertThat(mail.text()).isEqualTo("Прошу принять заявление, подписанное КЭП.");
        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("zayavlenie.pdf");
    }

    @Test
    void anEncryptedMessageStaysAFileThatIsNamedAndRefusedAsEncrypted() throws Exception {
        ParsedMail mail = mailWithP7m(der(0x30, der(0x06, ENVELOPED_DATA), der(0xA0, der(0x30))));

        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("smime.p7m");
        assertThat(mail.attachments().get(0).verdict()).isEqualTo(AttachmentVerdict.rejected(
                RejectionReason.ENCRYPTED_FILE));
    }

    @Test
    void hostileNestingAndLengthsYieldNothingAndNeverThrow() {
        ByteArrayOutputStream deep = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            deep.writeBytes(new byte[] {0x30, (byte) 0x80});
        }
        assertThat(SignedContent.of(deep.toByteArray())).isEmpty();
        assertThat(SignedContent.of(new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})).isEmpty();
        byte[] whole = der(0x30, der(0x06, SIGNED_DATA), der(0xA0, der(0x30, der(0x02, new byte[] {1}), der(0x31),
                der(0x30, der(0x06, DATA), der(0xA0, der(0x04, new byte[] {1, 2, 3}))))));
        for (int length = 0; length < whole.length; length++) {
            assertThat(SignedContent.of(java.util.Arrays.copyOf(whole, length))).isNotNull();
        }
    }

    private static byte[] der(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        int length = body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            out.write(0x84);
            out.writeBytes(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] indefinite(int tag, byte[]... contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        out.write(0x80);
        for (byte[] content : contents) {
            out.writeBytes(content);
        }
        out.writeBytes(new byte[] {0, 0});
        return out.toByteArray();
    }
}
