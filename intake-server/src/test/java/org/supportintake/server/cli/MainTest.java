package org.supportintake.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
    void unknownCommandIsBadUsage() {
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(Main.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }
}
