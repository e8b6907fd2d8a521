package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.policy.RejectionReason;

/** Thunderbird with encryption on sends PGP/MIME (RFC 3156): a version part and the armoured message. */
class PgpEncryptedMailTest {

    @TempDir
    Path dir;

    @Test
    void theEncryptedPartIsNamedAndRefusedAsEncryptedAndTheVersionPartIsNoFile() throws Exception {
        ParsedMail mail = new RawMails(dir).read("Message-ID: <pgp@example.ru>|From: ivanov@example.ru|Subject: ..."
                + "|MIME-Version: 1.0|Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";"
                + " boundary=b||--b|Content-Type: application/pgp-encrypted|Content-Description: PGP/MIME version"
                + " identification||Version: 1||--b|Content-Type: application/octet-stream; name=\"encrypted.asc\""
                + "|Content-Disposition: inline; filename=\"encrypted.asc\"||-----BEGIN PGP MESSAGE-----||"
                + "hQEMA0c0ZjBhZTZmAQf/Y2lwaGVydGV4dA==|=abcd|-----END PGP MESSAGE-----||--b--|");

        assertThat(mail.text()).isEmpty();
        assertThat(mail.attachments()).extracting(ReceivedFile::name).containsExactly("encrypted.asc");
        assertThat(mail.attachments().get(0).verdict()).isEqualTo(AttachmentVerdict.rejected(
                RejectionReason.ENCRYPTED_FILE));
    }
}
