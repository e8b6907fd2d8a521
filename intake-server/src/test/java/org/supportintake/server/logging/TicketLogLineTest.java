package org.supportintake.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.server.testing.ApiSubmission;
import org.supportintake.server.wiring.IntakeApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The server as wired writes one line per ticket created: its number, channel and outcome, and nothing personal. */
class TicketLogLineTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dataDir;

    @Test
    void oneLinePerTicketCreatedWithNumberChannelAndOutcomeOnly() throws Exception {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                Setting.SMTP_URL, "smtp://127.0.0.1:" + greenMail.getSmtp().getPort());
        IntakeConfig config = IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting)));
        List<String> lines;
        try (LogLines log = new LogLines(IntakeService.class.getName(), true);
             IntakeApplication application = IntakeApplication.start(config)) {
            assertThat(post(application.httpPort(), "first-token").statusCode()).isEqualTo(201);
            assertThat(post(application.httpPort(), "second-token").statusCode()).isEqualTo(201);
            assertThat(post(application.httpPort(), "third-token").statusCode()).isEqualTo(201);
            lines = log.lines();
        }

        List<String> numbers = Jdbi.create(config.dbUrl(), config.dbUser(), config.dbPassword())
                .withHandle(h -> h.createQuery("select number from ticket order by id").mapTo(String.class).list());
        assertThat(numbers).hasSize(3);
        List<String> created = lines.stream().filter(line -> line.contains("outcome=created")).toList();
        assertThat(created).hasSize(3);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(created.get(i)).contains("\"intake channel=form outcome=created ticket=" + numbers.get(i) + "\"");
        }
        assertThat(String.join("\n", lines)).doesNotContain("Иванова", "maria@mail.example.ru", "***@", "345-67-89", "***89");
    }

    private static HttpResponse<String> post(int port, String token) throws Exception {
        Map<String, String> fields = ApiSubmission.from("maria@mail.example.ru");
        fields.put("submissionToken", token);
        return HttpClient.newHttpClient().send(ApiSubmission.post("http://127.0.0.1:" + port, fields).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
