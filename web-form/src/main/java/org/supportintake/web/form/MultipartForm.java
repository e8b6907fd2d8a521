package org.supportintake.web.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadContentTypeException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.ParameterParser;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.policy.AttachmentBatch;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.core.logging.LogSafe;

/**
 * Reads a multipart form as a stream (commons-fileupload2): text fields into memory, capped; every
 * file straight into the attachment batch, which stops reading it one byte past its limit. A body
 * over the total limit is refused from its Content-Length before a byte is read, or as soon as it
 * crosses the limit when it has none. The number of parts and of distinct fields is counted here, part by
 * part ({@code fileCountMax} does not apply to the streaming iterator); each part's headers are capped at
 * fileupload's fixed 512 bytes. Whatever goes wrong with the body itself (cut short, no boundary, not
 * multipart, a broken transfer coding even where fileupload takes it for the end of the form, no part at all) is an
 * {@link UnreadableFormException}, never an exception of the server's. Thread-safe.
 */
public final class MultipartForm {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartForm.class);
    private static final int MAX_FIELD_CHARS = 10_000;
    /** Parts of any kind, files included: the form has 13 fields and at most a few files. */
    static final int MAX_PARTS = 50;
    /** Distinct text fields kept in memory. */
    static final int MAX_FIELDS = 30;

    private final long maxRequestBytes;

    public MultipartForm(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public FormInput read(HttpServletRequest request, AttachmentBatch batch) throws IOException, UnreadableFormException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            throw new UnreadableFormException(FormRefusal.TOO_LARGE);
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new UnreadableFormException(FormRefusal.NOT_MULTIPART);
        }
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setSizeMax(maxRequestBytes);
        upload.setHeaderCharset(StandardCharsets.ISO_8859_1); // byte for byte: a file name's charset is decided below
        Map<String, String> fields = new HashMap<>();
        List<ReceivedFile> files = new ArrayList<>();
        int parts = 0;
        try {
            RequestBody body = RequestBody.of(request);
            FileItemInputIterator iterator = iterator(upload, body.context(request));
            while (hasNext(iterator)) {
                FileItemInput part = iterator.next();
                if (++parts > MAX_PARTS || part.isFormField() && fields.size() >= MAX_FIELDS
                        && !fields.containsKey(part.getFieldName())) {
                    throw new UnreadableFormException(FormRefusal.TOO_MANY_PARTS);
                }
                // A part's own failures too (no closing boundary), so that a body cut short is told from a store that failed.
                try (ReadFailures content = new ReadFailures(part.getInputStream())) {
                    if (part.isFormField() && part.getFieldName() != null) {
                        fields.putIfAbsent(part.getFieldName(), text(content, charset(part, request)));
                    } else if (!part.isFormField()) {
                        // A browser sends a file input with no file chosen as filename="" and no bytes: not a file.
                        // A blank name with bytes is a file all the same (the attachments name it), never dropped unseen.
                        String name = fileName(part);
                        PushbackInputStream bytes = new PushbackInputStream(content, 1);
                        if (!name.isBlank() || hasBytes(bytes)) {
                            files.add(receive(batch, part, name, bytes, content));
                        }
                    }
                }
            }
            body.rethrowFailure();
            if (parts == 0) {
                // fileupload reads a body without the declared boundary (another one, none, no body) as a form with no
                // fields; a form always has parts (RFC 2046), so that is a broken body, not a form left empty.
                throw new UnreadableFormException(FormRefusal.MALFORMED);
            }
        } catch (IOException e) {
            throw new UnreadableFormException(refusal(e));
        }
        return new FormInput(fields, files);
    }

    /** Whether a stream has a byte left, leaving it unread. */
    private static boolean hasBytes(PushbackInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        in.unread(first);
        return true;
    }

    /** Starting the iterator reads the preamble up to the first boundary, so it fails as reading the body does. */
    private static FileItemInputIterator iterator(JakartaServletFileUpload<?, ?> upload, RequestContext context)
            throws IOException {
        try {
            return upload.getItemIterator(context);
        } catch (RuntimeException e) {
            throw new IOException("the request body could not be read", e);
        }
    }

    private static boolean hasNext(FileItemInputIterator iterator) throws IOException {
        try {
            return iterator.hasNext();
        } catch (RuntimeException e) {
            // The container's own failures (a body too slow, a bad message) come unchecked through the parser.
            throw new IOException("the request body could not be read", e);
        }
    }

    /** The file name as sent; fileupload refuses one with a NUL, which the attachments make safe like any other. */
    private static String fileName(FileItemInput part) {
        String disposition = Objects.requireNonNullElse(part.getHeaders().getHeader("Content-Disposition"), "");
        String sent;
        try {
            sent = part.getName() == null ? "" : part.getName();
        } catch (InvalidPathException e) {
            ParameterParser parser = new ParameterParser();
            parser.setLowerCaseNames(true);
            sent = Objects.requireNonNullElse(parser.parse(disposition, ';').get("filename"), "");
        }
        // An RFC 2231 name (filename*) names its own charset and comes decoded; a plain one is the client's bytes,
        // in which browsers write a quote as %22 (WHATWG HTML, multipart/form-data encoding); %0D and %0A stay as
        // sent, since a line break in a name is refused.
        return disposition.toLowerCase(Locale.ROOT).contains("filename*") ? sent
                : FileNameBytes.decode(sent).replace("%22", "\"");
    }

    private static ReceivedFile receive(AttachmentBatch batch, FileItemInput part, String name, InputStream bytes,
                                        ReadFailures content) throws IOException {
        ReceivedFile file;
        try {
            file = batch.receive(name, part.getContentType(), bytes);
        } catch (RuntimeException e) {
            // The store reports a body that broke off as its own failure; it is the body's.
            content.rethrowFailure();
            throw e;
        }
        file.rejection().ifPresent(reason -> LOG.info("form file {} ({}) refused: {}", LogSafe.of(name),
                LogSafe.of(part.getContentType()), reason.code()));
        return file;
    }

    private FormRefusal refusal(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileUploadSizeException size) {
                return size.getPermitted() >= maxRequestBytes ? FormRefusal.TOO_LARGE : FormRefusal.PART_HEADER_TOO_LARGE;
            }
            if (cause instanceof FileUploadContentTypeException) {
                return FormRefusal.NOT_MULTIPART;
            }
        }
        return FormRefusal.MALFORMED;
    }

    /** The charset the part names, else the one the whole body names; browsers name none and send UTF-8. */
    private static Optional<Charset> charset(FileItemInput part, HttpServletRequest request) {
        return FieldText.named(part.getContentType()).or(() -> FieldText.named(request.getContentType()));
    }

    /**
     * A field's text (see {@link FieldText}), cut at 10,000 characters (every limit of the form is far below), with
     * Windows line breaks as one and composed (NFC) as the citizen sees it: «й» sent decomposed (a letter and a
     * combining breve, as text copied from a macOS file name comes) is one character for the limits and the counter,
     * one address for the per-email limit, and matches what staff type when they search.
     */
    private static String text(InputStream content, Optional<Charset> charset) throws IOException {
        String text = FieldText.read(content, MAX_FIELD_CHARS * 4, charset);
        if (text.length() > MAX_FIELD_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_FIELD_CHARS - 1)) ? MAX_FIELD_CHARS - 1 : MAX_FIELD_CHARS;
            text = text.substring(0, end);
        }
        return Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
    }
}
