package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.testing.TestDatabases;

class ServerJarIT {

    @TempDir
    Path workingDir;

    @Test
    void freshStartAnswersHealthWithinThirtySecondsAndCreatesTheDataDirectory() throws Exception {
        try (RunningJar jar = RunningJar.start(workingDir, Map.of())) {
            var health = jar.awaitAnswer("/health", Duration.ofSeconds(30));

            assertThat(health).as("answer within 30 s; log:%n%s", Files.readString(jar.log())).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"up\"", "H2");
            assertThat(workingDir.resolve("intake-data").resolve("db").resolve("intake.mv.db")).exists();
        }
    }

    @Test
    void postgresUrlRunsTheMigrationsOnPostgres() throws Exception {
        var schema = TestDatabases.postgresSchema();
        try (RunningJar jar = RunningJar.start(workingDir, Map.of("INTAKE_DB_URL", schema.getJdbcUrl(),
                "INTAKE_DB_USER", schema.getUsername()))) {
            var health = jar.awaitAnswer("/health", Duration.ofSeconds(30));

            assertThat(health).as("answer within 30 s; log:%n%s", Files.readString(jar.log())).isNotNull();
            assertThat(health.body()).contains("\"status\":\"up\"", "PostgreSQL");
            try (var connection = schema.getConnection()) {
                var tables = connection.getMetaData().getTables(null, null, "ticket", null);
                assertThat(tables.next()).isTrue();
            }
        } finally {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Test
    void wrongSettingStopsTheStartWithOneLine() throws Exception {
        Path log = workingDir.resolve("bad.log");
        ProcessBuilder bad = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "intake-server.jar").toAbsolutePath().toString())
                .directory(workingDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        bad.environment().put("INTAKE_PUBLIC_URL", "localhost");

        assertThat(bad.start().waitFor()).isEqualTo(2);
        assertThat(Files.readAllLines(log)).containsExactly(
                "INTAKE_PUBLIC_URL=localhost: expected an absolute http:// or https:// URL");
    }
}
