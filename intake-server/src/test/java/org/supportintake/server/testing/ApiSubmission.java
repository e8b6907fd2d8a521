package org.supportintake.server.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A valid submission to {@code POST /api/v1/submissions}, multipart/form-data as a client sends it. */
public final class ApiSubmission {

    private ApiSubmission() {
    }

    /** A citizen's report from {@code email}, with a name and a phone the logs must not show. */
    public static Map<String, String> from(String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fullName", "Иванова Мария");
        fields.put("email", email);
        fields.put("phone", "+7 912 345-67-89");
        fields.put("category", "technical_problem");
        fields.put("subject", "Не приходит код подтверждения");
        fields.put("description", "Код подтверждения по SMS не приходит уже второй час.");
        fields.put("consent", "on");
        return fields;
    }

    /** The POST of {@code fields} to the API of the server at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public static HttpRequest.Builder post(String base, Map<String, String> fields) {
        String boundary = "api-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
