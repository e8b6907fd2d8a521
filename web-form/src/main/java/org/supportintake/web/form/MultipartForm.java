package org.supportintake.web.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.supportintake.attachments.policy.AttachmentBatch;
import org.supportintake.attachments.policy.ReceivedFile;

/**
 * Reads a multipart form as a stream (commons-fileupload2): text fields into memory, capped; every
 * file straight into the attachment batch, which stops reading it one byte past its limit. A body
 * over the total limit is refused from its Content-Length before a byte is read, or as soon as it
 * crosses the limit when it has none. Thread-safe.
 */
public final class MultipartForm {

    private static final int MAX_FIELD_CHARS = 10_000;
    private static final int MAX_PARTS = 50;

    private final long maxRequestBytes;

    public MultipartForm(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public FormInput read(HttpServletRequest request, AttachmentBatch batch) throws IOException, RequestTooLargeException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            throw new RequestTooLargeException(maxRequestBytes);
        }
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setSizeMax(maxRequestBytes);
        upload.setFileCountMax(MAX_PARTS);
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        List<ReceivedFile> files = new ArrayList<>();
        try {
            FileItemInputIterator parts = upload.getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                try (InputStream content = part.getInputStream()) {
                    if (part.isFormField()) {
                        fields.putIfAbsent(part.getFieldName(), text(content));
                    } else if (part.getName() != null && !part.getName().isBlank()) {
                        files.add(batch.receive(part.getName(), part.getContentType(), content));
                    }
                }
            }
        } catch (FileUploadSizeException e) {
            throw new RequestTooLargeException(maxRequestBytes);
        } catch (FileUploadException e) {
            if (e.getCause() instanceof FileUploadSizeException) {
                throw new RequestTooLargeException(maxRequestBytes);
            }
            throw new IOException("malformed multipart body: " + e.getMessage(), e);
        }
        return new FormInput(fields, files);
    }

    /** A field's text, UTF-8, cut at 10,000 characters (every limit of the form is far below). */
    private static String text(InputStream content) throws IOException {
        var reader = new InputStreamReader(content, StandardCharsets.UTF_8);
        char[] buffer = new char[MAX_FIELD_CHARS];
        int length = 0;
        for (int n = reader.read(buffer, 0, buffer.length); n > 0 && length < buffer.length;
             n = reader.read(buffer, length, buffer.length - length)) {
            length += n;
        }
        return new String(buffer, 0, length).replace("\r\n", "\n");
    }
}
