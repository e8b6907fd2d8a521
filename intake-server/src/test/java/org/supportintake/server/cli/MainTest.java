package org.supportintake.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.server.config.Setting;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return Main.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEverySettingWithVariableAndKey() {
        assertThat(run(Map.of(), "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("serve", "INTAKE_CONFIG");
        for (Setting setting : Setting.values()) {
            assertThat(help).contains(setting.variable(), setting.key());
        }
    }

    @Test
    void badSettingStopsTheStartWithOneLine() {
        assertThat(run(Map.of("INTAKE_HTTP_PORT", "70000"))).isEqualTo(Main.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("INTAKE_HTTP_PORT=70000: expected a port number from 0 to 65535" + System.lineSeparator());
    }

    @Test
    void parsePrintsOneJsonObjectPerMessageWithTheDocumentedKeysInOrder(@TempDir Path dir) throws IOException {
        Path eml = dir.resolve("letter.eml");
        Files.writeString(eml, "Message-ID: <a@b.ru>\r\nFrom: =?UTF-8?B?0JjQstCw0L0=?= <ivan@b.ru>\r\n"
                + "Subject: =?UTF-8?B?UmU6IFvihJYgMjYtMDAwMDAwMS00XQ==?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Добрый день, дополняю обращение.\r\n", StandardCharsets.UTF_8);

        assertThat(run(Map.of(), "parse", eml.toString())).isZero();

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json.lines()).hasSize(1);
        assertThat(json).startsWith("{\"messageId\":\"<a@b.ru>\",\"from\":{\"address\":\"ivan@b.ru\",\"name\":\"Иван\"},"
                + "\"subject\":\"Re: [№ 26-0000001-4]\",\"text\":\"Добрый день, дополняю обращение.\",\"quoted\":null,"
                + "\"textSource\":\"plain\",\"inReplyTo\":null,\"references\":[],\"ticketReference\":\"26-0000001-4\","
                + "\"classification\":\"normal\",\"attachments\":[],\"wouldCreateTicket\":true,\"problems\":[]}");
    }

    @Test
    void parseOfSomethingThatIsNoMailStillPrintsAnObjectAndExitsZero(@TempDir Path dir) throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.eml"), new byte[] {0, 1, 2, (byte) 0xFF, '\n'});
        assertThat(run(Map.of(), "parse", garbage.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"wouldCreateTicket\":false");
    }

    @Test
    void parseOfAFileThatCannotBeReadExitsTwoWithOneLine(@TempDir Path dir) {
        assertThat(run(Map.of(), "parse", dir.resolve("missing.eml").toString())).isEqualTo(Main.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "cannot read " + dir.resolve("missing.eml") + ": no such file");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void parseOfADirectoryExitsTwoWithOneLineAndNoStackTrace(@TempDir Path dir) {
        assertThat(run(Map.of(), "parse", dir.toString())).isEqualTo(Main.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "cannot read " + dir + ": is a directory");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void parseGoesOnPastAFileThatCannotBeReadAndStillExitsTwo(@TempDir Path dir) throws IOException {
        Path letter = Files.writeString(dir.resolve("letter.eml"), "From: ivan@b.ru\r\nSubject: x\r\n\r\nТекст\r\n",
                StandardCharsets.UTF_8);

        assertThat(run(Map.of(), "parse", dir.resolve("missing.eml").toString(), letter.toString()))
                .isEqualTo(Main.BAD_USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "cannot read " + dir.resolve("missing.eml") + ": no such file");
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement()
                .asString().contains("\"address\":\"ivan@b.ru\"");
    }

    @Test
    void unknownCommandIsBadUsage() {
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(Main.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }
}
