package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.staff.Role;
import org.supportintake.core.testing.Submissions;

/** {@code /staff/files/{id}}: a download, never shown inline, typed as detected; audited; only accepted files. */
class AttachmentDownloadTest {

    @TempDir
    Path files;
    private TicketSiteFixture site;
    private TicketSiteFixture.Browser operator;

    @BeforeEach
    void start() throws Exception {
        site = new TicketSiteFixture(files);
        operator = site.signIn("operator.petrova", Role.OPERATOR);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private long attachmentId(String verdict) {
        return site.intake().jdbi().withHandle(h -> h.createQuery("select id from attachment where verdict = :v")
                .bind("v", verdict).mapTo(Long.class).one());
    }

    @Test
    void anAcceptedFileComesAsAnAttachmentWithItsDetectedTypeNosniffAndItsNameInUtf8() throws Exception {
        byte[] bytes = "%PDF-1.7 content".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var number = site.emailTicket("Текст.", site.storedFile("Справка \"№ 5\".pdf", "application/pdf", bytes));
        long id = attachmentId("accepted");

        var answer = site.download(operator, "/staff/files/" + id);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(bytes);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"_______ __ 5_.pdf\"; "
                + "filename*=UTF-8''%D0%A1%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0%20%22%E2%84%96%205%22.pdf");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValue("Content-Length")).contains(Integer.toString(bytes.length));
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(site.auditRows()).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo(AuditAction.DOWNLOAD_ATTACHMENT);
            assertThat(row.ticket()).isEqualTo(number.toString());
            assertThat(row.what()).isEqualTo(Long.toString(id));
            assertThat(row.staff()).isEqualTo("operator.petrova");
        });
    }

    @Test
    void aNameWithoutTheExtensionOfItsDetectedTypeDownloadsWithIt() throws Exception {
        byte[] bytes = "%PDF-1.7 content".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        site.emailTicket("Текст.", site.storedFile("run.hta", "application/pdf", bytes));

        var answer = site.download(operator, "/staff/files/" + attachmentId("accepted"));

        assertThat(answer.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"run.hta.pdf\"; filename*=UTF-8''run.hta.pdf");
    }

    @Test
    void aTypeThatIsNotAPlainMediaTypeDownloadsAsBytes() {
        assertThat(AttachmentDownload.contentType("text/html; charset=utf-8")).isEqualTo("application/octet-stream");
        assertThat(AttachmentDownload.contentType("image/png\r\nSet-Cookie: x=1")).isEqualTo("application/octet-stream");
        assertThat(AttachmentDownload.contentType("image/svg+xml")).isEqualTo("image/svg+xml");
    }

    @Test
    void aRejectedAnUnknownOrAMissingFileIsNotFoundAndNotAudited() throws Exception {
        site.emailTicket("Текст.", Submissions.file("счёт.exe", "application/x-msdownload", 4096,
                AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED)), Submissions.png("нет-байтов.png", 10));

        assertThat(site.download(operator, "/staff/files/" + attachmentId("rejected")).statusCode()).isEqualTo(404);
        assertThat(site.download(operator, "/staff/files/" + attachmentId("accepted")).statusCode())
                .as("its bytes are not in the store").isEqualTo(404);
        assertThat(site.download(operator, "/staff/files/999999").statusCode()).isEqualTo(404);
        assertThat(site.download(operator, "/staff/files/..%2F..%2Fetc").statusCode()).as("Jetty refuses it first")
                .isIn(400, 404);
        assertThat(site.auditRows()).isEmpty();
    }
}
