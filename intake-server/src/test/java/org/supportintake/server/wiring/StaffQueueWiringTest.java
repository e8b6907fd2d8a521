package org.supportintake.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The server serves the staff queue behind the gate: a session from the database opens it, the API wants a token. */
class StaffQueueWiringTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort()
                        + "/INBOX", Setting.SMTP_URL, "smtp://127.0.0.1:" + greenMail.getSmtp().getPort());
        application = IntakeApplication.start(IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting))));
    }

    @AfterEach
    void stop() throws Exception {
        application.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + application.httpPort()
                + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedInOperatorSeesTheQueueAndTheApiWantsAToken() throws Exception {
        Jdbi database = Jdbi.create(Database.h2FileUrl(dataDir.resolve("db")), "sa", "");
        long id = database.withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                        + "created_at) values ('petrova', 'operator', 'unused', current_timestamp)")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        String cookie = new JdbcStaffSessions(database, Clock.systemUTC(), Duration.ofMinutes(30))
                .open(new StaffMember(id, "petrova", Role.OPERATOR));

        HttpResponse<String> queue = get("/staff?status=all", "Cookie", "staff_session=" + cookie);

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("<h1>Очередь обращений</h1>", "По этим условиям обращений нет.");
        assertThat(get("/staff").statusCode()).isEqualTo(303);
        assertThat(get("/api/v1/tickets").statusCode()).isEqualTo(401);
        java.util.List<String> audited = database.withHandle(h -> h.createQuery("select action from audit_entry")
                .mapTo(String.class).list());
        assertThat(audited).containsExactly("view_queue");
    }
}
