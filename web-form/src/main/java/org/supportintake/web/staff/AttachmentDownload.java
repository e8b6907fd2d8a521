package org.supportintake.web.staff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.attachments.inspection.DownloadName;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.work.TicketFiles;

/**
 * {@code /staff/files/{attachmentId}}: an accepted file, streamed from the file store as a download (never shown inline),
 * typed as its bytes were detected, with {@code nosniff}, named with the extension of that type; each download is audited.
 */
public final class AttachmentDownload extends HttpServlet {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final transient TicketFiles files;
    private final transient FileStore store;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient Clock clock;

    AttachmentDownload(TicketFiles files, FileStore store, AuditTrail audit, StaffPages pages, Clock clock) {
        this.files = files;
        this.store = store;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<TicketFiles.StoredAttachment> file = ID.matcher(path).matches()
                ? files.accepted(Long.parseLong(path)) : Optional.empty();
        if (file.isEmpty()) {
            notFound(request, response);
            return;
        }
        InputStream content;
        try {
            content = store.open(file.get().sha256());
        } catch (NoSuchFileException erased) {
            notFound(request, response);
            return;
        }
        try (content) {
            StaffMember member = StaffRequest.member(request);
            audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request),
                    AuditAction.DOWNLOAD_ATTACHMENT, file.get().ticket().toString(), Long.toString(file.get().id())));
            response.setStatus(200);
            response.setContentType(contentType(file.get().detectedType()));
            response.setHeader("Content-Disposition", ContentDisposition.attachment(
                    DownloadName.of(file.get().name(), file.get().detectedType())));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLengthLong(file.get().size());
            content.transferTo(response.getOutputStream());
        }
    }

    /** The detected type when it is a plain {@code type/subtype}; anything else downloads as bytes. */
    static String contentType(String detected) {
        return MEDIA_TYPE.matcher(detected).matches() ? detected : "application/octet-stream";
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.notFound(request, response, "Файл не найден",
                "Такого файла нет: он не был принят, удалён или ссылка неверна.");
    }
}
