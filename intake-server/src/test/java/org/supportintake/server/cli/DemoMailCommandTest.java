package org.supportintake.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

class DemoMailCommandTest {

    @RegisterExtension
    final GreenMailExtension demo = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String address, int port) {
        return DemoMailCommand.run(address, port, "INTAKE_DEMO_IMAP_PORT", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheMailACitizenReceivedDecoded() {
        GreenMailUtil.sendTextEmail("ivanova@example.ru", "support@localhost", "[№ 26-0000001-4] Ваше обращение принято",
                "Здравствуйте! Ваше обращение зарегистрировано.", demo.getSmtp().getServerSetup());

        assertThat(run("ivanova@example.ru", demo.getImap().getPort())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 message(s) for ivanova@example.ru",
                "Subject: [№ 26-0000001-4] Ваше обращение принято", "Здравствуйте! Ваше обращение зарегистрировано.");
    }

    @Test
    void readsThePortTheServersDemoMailServerIsConfiguredWith() {
        GreenMailUtil.sendTextEmail("petrov@example.ru", "support@localhost", "Ваше обращение принято", "Здравствуйте!",
                demo.getSmtp().getServerSetup());

        int status = Main.run(new String[] {"demo-mail", "petrov@example.ru"},
                Map.of("INTAKE_DEMO_IMAP_PORT", Integer.toString(demo.getImap().getPort())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 message(s) for petrov@example.ru");
    }

    @Test
    void aBadPortSettingIsOneLineAsForTheServer() {
        int status = Main.run(new String[] {"demo-mail", "petrov@example.ru"}, Map.of("INTAKE_DEMO_IMAP_PORT", "imap"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(Main.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "INTAKE_DEMO_IMAP_PORT=imap: expected a port number from 1 to 65535, not the demo SMTP port 3025");
    }

    @Test
    void saysWhatToCheckWhenNoDemoServerAnswers() {
        int closedPort = demo.getImap().getPort();
        demo.stop();

        assertThat(run("ivanova@example.ru", closedPort)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cannot read the demo mailbox of ivanova@example.ru")
                .contains("(INTAKE_DEMO_IMAP_PORT; is the server running with the demo mail server?)");
    }
}
