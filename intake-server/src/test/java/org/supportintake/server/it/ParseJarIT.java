package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 12: {@code parse} of hostile structure, as an administrator runs it, finishes in 10 s within a 256 MB heap. */
class ParseJarIT {

    private static final String HEAD = "Message-ID: <hostile@mail.example.ru>\r\nFrom: a@mail.example.ru\r\n"
            + "Subject: hostile\r\nMIME-Version: 1.0\r\n";

    @TempDir
    Path workingDir;

    @Test
    void hundredThousandEmptyPartsAreParsedWithinTenSecondsAtQuarterGigabyteHeap() throws Exception {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + "--b\r\n\r\n".repeat(100_000) + "--b--\r\n";

        JsonNode parsed = parse(raw);

        assertThat(problems(parsed)).contains("the message has more than 1000 MIME parts; the rest was not read");
        assertThat(parsed.get("wouldCreateTicket").asBoolean()).isFalse();
    }

    @Test
    void fiveThousandNestedForwardedMessagesAreParsedWithinTenSecondsAtQuarterGigabyteHeap() throws Exception {
        String raw = HEAD + "Content-Type: message/rfc822\r\n\r\n"
                + "From: b@mail.example.ru\r\nSubject: fw\r\nContent-Type: message/rfc822\r\n\r\n".repeat(5_000)
                + "From: c@mail.example.ru\r\nSubject: end\r\n\r\nend\r\n";

        JsonNode parsed = parse(raw);

        assertThat(problems(parsed))
                .contains("MIME parts nested deeper than 20 levels (forwarded messages included) were not read");
        assertThat(parsed.get("wouldCreateTicket").asBoolean()).isFalse();
    }

    /** {@code java -Xmx256m -jar intake-server.jar parse FILE}: exit 0 within 10 s, one JSON object. */
    private JsonNode parse(String raw) throws Exception {
        Path eml = Files.writeString(workingDir.resolve("hostile.eml"), raw, StandardCharsets.US_ASCII);
        Path log = workingDir.resolve("parse.out");
        ProcessBuilder command = RunningJar.command(workingDir, Map.of(), log);
        command.command().addAll(1, List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
        command.command().addAll(List.of("parse", eml.toString()));
        Process parse = command.start();

        boolean finished = parse.waitFor(10, TimeUnit.SECONDS);
        if (!finished) {
            parse.destroyForcibly();
        }
        assertThat(finished).as("parse finished within 10 s; output:%n%s", Files.readString(log)).isTrue();
        assertThat(parse.exitValue()).as("output:%n%s", Files.readString(log)).isZero();
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).hasSize(1);
        return new ObjectMapper().readTree(lines.get(0));
    }

    private static List<String> problems(JsonNode parsed) {
        return StreamSupport.stream(parsed.get("problems").spliterator(), false)
                .map(JsonNode::asText).toList();
    }
}
