package org.supportintake.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body built by hand, as a browser sends it: fields in order (set again to replace), then files. */
final class Multipart {

    private final String boundary = "----intake" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<byte[]> rawFields = new ArrayList<>();
    private String charset = "";
    private final List<byte[]> files = new ArrayList<>();

    Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** A text field sent as these bytes, with the part's own Content-Type unless it is null, as a script may send it. */
    Multipart field(String name, byte[] value, String type) {
        fields.remove(name);
        var part = new ByteArrayOutputStream();
        part.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        part.writeBytes(value);
        part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        rawFields.add(part.toByteArray());
        return this;
    }

    Multipart file(String name, String fileName, String type, byte[] content) {
        return file(name, fileName, StandardCharsets.UTF_8, type, content);
    }

    /** A file whose name goes in the given charset's bytes, as an old client sends it. */
    Multipart file(String name, String fileName, java.nio.charset.Charset nameCharset, String type, byte[] content) {
        var part = new ByteArrayOutputStream();
        part.writeBytes(fileHeader(name, "", type, fileName.getBytes(nameCharset)));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        files.add(part.toByteArray());
        return this;
    }

    /** Names a charset for the whole body in its Content-Type, as some scripts do. */
    Multipart charset(String name) {
        charset = "; charset=" + name;
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary + charset;
    }

    byte[] bytes() {
        var body = new ByteArrayOutputStream();
        body.writeBytes(fieldParts());
        rawFields.forEach(body::writeBytes);
        files.forEach(body::writeBytes);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The fields and the opening of a file part whose content goes on; for streaming huge uploads. */
    byte[] openFile(String name, String fileName, String type) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(fieldParts());
        body.writeBytes(fileHeader(name, fileName, type, new byte[0]));
        return body.toByteArray();
    }

    private byte[] fieldParts() {
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] fileHeader(String name, String fileName, String type, byte[] nameBytes) {
        var header = new ByteArrayOutputStream();
        header.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName).getBytes(StandardCharsets.UTF_8));
        header.writeBytes(nameBytes);
        header.writeBytes(("\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        return header.toByteArray();
    }
}
