package org.supportintake.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supportintake.server.config.IntakeConfig;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

class DemoMailServerTest {

    private static IntakeConfig ports(int smtp, int imap) {
        Map<String, String> values = Map.of("INTAKE_DEMO_SMTP_PORT", Integer.toString(smtp),
                "INTAKE_DEMO_IMAP_PORT", Integer.toString(imap));
        return IntakeConfig.of(setting -> Optional.ofNullable(values.get(setting.variable())));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Test
    void runsOnTheConfiguredPorts() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        try (DemoMailServer demo = DemoMailServer.start(ports(smtp, imap))) {
            GreenMailUtil.sendTextEmail("support@localhost", "citizen@example.ru", "Вопрос", "Текст",
                    new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

            assertThat(demo.imapUrl()).endsWith("@127.0.0.1:" + imap + "/INBOX");
            assertThat(DemoMailServer.smtpUrl(smtp)).isEqualTo("smtp://127.0.0.1:" + smtp);
        }
    }

    @Test
    void aTakenSmtpPortIsOneLineNamingThePortAndItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> DemoMailServer.start(ports(port, freePort())))
                    .isInstanceOf(UnableToStartException.class)
                    .hasMessage("Demo mail server: port " + port + " on 127.0.0.1 is in use (INTAKE_DEMO_SMTP_PORT); set "
                            + "another port, or INTAKE_IMAP_URL and INTAKE_SMTP_URL for a real mail server");
        }
    }

    @Test
    void aTakenImapPortNamesTheImapSettingAndLeavesTheSmtpPortFree() throws Exception {
        int smtp = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> DemoMailServer.start(ports(smtp, port)))
                    .isInstanceOf(UnableToStartException.class)
                    .hasMessageStartingWith("Demo mail server: port " + port + " on 127.0.0.1 is in use (INTAKE_DEMO_IMAP_PORT)");
        }
        try (ServerSocket again = new ServerSocket(smtp, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).as("the SMTP side was stopped again").isEqualTo(smtp);
        }
    }
}
