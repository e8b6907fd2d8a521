package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import jakarta.mail.internet.InternetHeaders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "From: a@example.ru\r\nSubject: =?UTF-8?B?0J/RgNC40LLQtdGC?=\r\n\r\nbody",
            "Subject: folded\r\n  over two lines\r\n\tand three\r\nTo: b@example.ru\r\n\r\nbody",
            "Subject: lone\rCR inside\r\nTo: b@example.ru\r\n\r\nbody",
            "Subject: ends with CR\r\r\nTo: hidden@example.ru\r\n\r\nbody",
            "Subject: lone CR then a fold\r continued\r\n\r\nbody",
            "Subject: a\r\n\r\r\nTo: after a CR CR LF line@example.ru\r\n\r\nbody",
            "Subject: a\r\rTo: after two lone CRs@example.ru\r\n\r\nbody",
            "Subject: x\r\ngarbage without a colon\r\nTo: b@example.ru\n\nbody",
            "Subject: \u00d0\u009f\u00d1\u0080\u00d0\u00b8 raw UTF-8 bytes\r\n\r\nbody"})
    void readsTheFieldsAsJakartaMailsOwnLoadDoes(String block) throws Exception {
        byte[] bytes = block.getBytes(StandardCharsets.ISO_8859_1);
        InternetHeaders expected = new InternetHeaders(new ByteArrayInputStream(bytes));

        EntityHeaders.Block read = EntityHeaders.read(new ByteArrayInputStream(bytes), 64 * 1024, new DecodeMonitor());

        assertThat(lines(read.headers())).isEqualTo(lines(expected));
        assertThat(block.substring((int) read.bodyStart())).isEqualTo("body");
    }

    private static List<String> lines(InternetHeaders headers) {
        return Collections.list(headers.getAllHeaderLines());
    }
}
