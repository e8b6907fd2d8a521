package org.supportintake.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
        return DemoMailCommand.run(address, port, new PrintStream(out, true, StandardCharsets.UTF_8),
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
    void saysWhatToCheckWhenNoDemoServerAnswers() {
        int closedPort = demo.getImap().getPort();
        demo.stop();

        assertThat(run("ivanova@example.ru", closedPort)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cannot read the demo mailbox of ivanova@example.ru")
                .contains("is the server running with the demo mail server?");
    }
}
