package org.supportintake.mail.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Content-Type or Content-Disposition value read leniently (RFC 2045 §5.1, RFC 2183): empty
 * parameters ({@code ;;}), parameters without a value, unquoted values with specials or 8-bit
 * bytes are all taken as meant. RFC 2231 extended and continued parameters are joined and decoded;
 * RFC 2047 words and raw 8-bit text in plain values are decoded as header text.
 */
public record ContentHeader(String value, Map<String, String> parameters) {

    public ContentHeader {
        parameters = Map.copyOf(parameters);
    }

    /** Parses a raw header value (8-bit bytes as ISO-8859-1 chars); {@code fallback} when it names nothing. */
    public static ContentHeader parse(String raw, String fallback) {
        String text = raw == null ? "" : raw.replaceAll("\\r?\\n[ \\t]*", " ").strip();
        int semicolon = text.indexOf(';');
        String value = (semicolon < 0 ? text : text.substring(0, semicolon)).replaceAll("\\(.*?\\)|\\s", "")
                .toLowerCase(Locale.ROOT);
        Map<String, String> raws = semicolon < 0 ? Map.of() : rawParameters(text.substring(semicolon + 1));
        // RFC 2045 §5.2: a Content-Type that is no type/subtype counts as the default type
        boolean invalid = value.isEmpty() || fallback.contains("/") && value.indexOf('/') <= 0;
        return new ContentHeader(invalid ? fallback : value, decoded(raws));
    }

    /** A parameter by its lower-case name; empty when absent or blank. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank());
    }

    private static Map<String, String> rawParameters(String text) {
        Map<String, String> raws = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            int next = text.indexOf(';', i);
            if (equals < 0 || next >= 0 && next < equals) { // a parameter without a value: skipped
                i = next < 0 ? text.length() : next + 1;
                continue;
            }
            String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            int at = equals + 1;
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            StringBuilder value = new StringBuilder();
            if (at < text.length() && text.charAt(at) == '"') {
                at++;
                for (; at < text.length() && text.charAt(at) != '"'; at++) {
                    if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                        at++;
                    }
                    value.append(text.charAt(at));
                }
                int end = text.indexOf(';', at);
                i = end < 0 ? text.length() : end + 1;
            } else {
                int end = text.indexOf(';', at);
                value.append(text, at, end < 0 ? text.length() : end);
                i = end < 0 ? text.length() : end + 1;
            }
            raws.putIfAbsent(name, value.toString().strip());
        }
        return raws;
    }

    /** RFC 2231 §3-4: {@code name*0*=charset'lang'%XX}, {@code name*1=…}, and {@code name*=…} joined and decoded. */
    private static Map<String, String> decoded(Map<String, String> raws) {
        Map<String, TreeMap<Integer, String>> continued = new LinkedHashMap<>();
        Map<String, String> plain = new LinkedHashMap<>();
        raws.forEach((name, value) -> {
            String base = name.replaceAll("\\*.*$", "");
            if (!name.contains("*")) {
                plain.putIfAbsent(name, value);
            } else {
                String section = name.substring(base.length() + 1);
                int index = section.replace("*", "").isEmpty() ? 0 : parseIndex(section.replace("*", ""));
                continued.computeIfAbsent(base, b -> new TreeMap<>()).putIfAbsent(index, name.endsWith("*") ? "*" + value : value);
            }
        });
        Map<String, String> result = new LinkedHashMap<>();
        plain.forEach((name, value) -> result.put(name, name.equals("boundary") ? value : HeaderText.decode(value)));
        continued.forEach((name, sections) -> result.put(name, joined(sections)));
        return result;
    }

    private static String joined(TreeMap<Integer, String> sections) {
        String charset = "";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String section : sections.values()) {
            boolean encoded = section.startsWith("*");
            String text = encoded ? section.substring(1) : section;
            if (encoded && bytes.size() == 0 && charset.isEmpty() && text.indexOf('\'') >= 0
                    && text.indexOf('\'', text.indexOf('\'') + 1) >= 0) {
                charset = text.substring(0, text.indexOf('\''));
                text = text.substring(text.indexOf('\'', text.indexOf('\'') + 1) + 1);
            }
            bytes.writeBytes(encoded ? percentDecoded(text) : text.getBytes(StandardCharsets.ISO_8859_1));
        }
        return TextDecoding.decode(bytes.toByteArray(), charset);
    }

    private static byte[] percentDecoded(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
