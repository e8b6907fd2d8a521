package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.attachments.testing.RawZip;
import org.supportintake.attachments.testing.TestFiles;

/** Files in a citizen's email that pass for a document by their bytes while their name, or their archive, says otherwise. */
class DisguisedAttachmentsTest {

    @TempDir
    Path dir;

    private ParsedMail mailWith(String fileName, byte[] bytes) throws Exception {
        return new RawMails(dir).read("Message-ID: <d@x>|From: a@example.ru|Subject: s|MIME-Version: 1.0|"
                + "Content-Type: multipart/mixed; boundary=b||--b|Content-Type: text/plain; charset=utf-8||см. файл|"
                + "--b|Content-Type: application/pdf; name=\"" + fileName + "\"|Content-Transfer-Encoding: base64||"
                + Base64.getMimeEncoder().encodeToString(bytes).replace("\r\n", "|") + "|--b--|");
    }

    @Test
    void pdfNamedHtaIsNotAllowed() throws Exception {
        ParsedMail mail = mailWith("run.hta", TestFiles.pdf());
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("run.hta");
            assertThat(file.rejection()).contains(RejectionReason.TYPE_NOT_ALLOWED);
        });
    }

    @Test
    void zipOfScansWhoseDirectoryListsAProgramHiddenInAScanIsCorrupt() throws Exception {
        byte[] zip = new RawZip().entry("скан-1.pdf", TestFiles.pdf()).hiding("скан-2.pdf", "viewer.exe", TestFiles.pe()).bytes();
        ParsedMail mail = mailWith("сканы.zip", zip);
        assertThat(mail.attachments()).singleElement()
                .satisfies(file -> assertThat(file.rejection()).contains(RejectionReason.ARCHIVE_CORRUPT));
    }
}
