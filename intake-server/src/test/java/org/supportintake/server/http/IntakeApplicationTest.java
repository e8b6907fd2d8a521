package org.supportintake.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.testing.Submissions;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.server.wiring.IntakeApplication;

class IntakeApplicationTest {

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString());
        application = IntakeApplication.start(IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting))));
    }

    @AfterEach
    void stop() throws Exception {
        application.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + application.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsTheDatabaseAsJson() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(health.body()).startsWith("{\"status\":\"up\",\"database\":{\"status\":\"up\",\"product\":\"H2 ");
    }

    @Test
    void rootServesARussianPage() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ru\">", "Служба поддержки");
        assertThat(page.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void databaseFileIsCreatedUnderTheDataDirectoryAndTheIntakePathIsWired() {
        assertThat(Files.exists(dataDir.resolve("db").resolve("intake.mv.db"))).isTrue();
        assertThat(application.intake().accept(Submissions.form().build())).isInstanceOf(IntakeOutcome.Created.class);
    }
}
