package org.supportintake.server.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.intake.IntakePath;
import org.supportintake.core.intake.IntakePipeline;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcTransactions;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.sla.ProductionCalendar;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.validation.IntakeValidator;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.http.HealthServlet;
import org.supportintake.server.http.HttpServer;
import org.supportintake.server.http.WelcomePage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.http.HttpServlet;

/** Every long-lived object of the server, built with {@code new} in one place, and their life cycle. */
public final class IntakeApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeApplication.class);

    private final HikariDataSource dataSource;
    private final IntakeService intake;
    private final HttpServer http;

    private IntakeApplication(HikariDataSource dataSource, IntakeService intake, HttpServer http) {
        this.dataSource = dataSource;
        this.intake = intake;
        this.http = http;
    }

    /** Builds and starts everything; on failure, whatever was started is stopped again. */
    public static IntakeApplication start(IntakeConfig config) {
        createDataDir(config.dataDir());
        HikariDataSource dataSource = dataSource(config);
        try {
            Database.migrate(dataSource);
            IntakeService intake = intakeService(config, dataSource);
            Map<String, HttpServlet> servlets = new LinkedHashMap<>();
            servlets.put("/health", new HealthServlet(dataSource));
            servlets.put("", new WelcomePage());
            HttpServer http = new HttpServer(config.httpPort(), servlets).start();
            LOG.info("Support Intake listening on http://localhost:{}/ (database {})", http.port(),
                    dataSource.getJdbcUrl().replaceAll(";.*", ""));
            return new IntakeApplication(dataSource, intake, http);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** The one path both channels hand their submissions to. */
    public IntakeService intake() {
        return intake;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        try {
            http.close();
        } finally {
            dataSource.close();
            LOG.info("Support Intake stopped");
        }
    }

    private static IntakeService intakeService(IntakeConfig config, HikariDataSource dataSource) {
        Clock clock = Clock.systemUTC();
        var stages = IntakePath.stages(
                new IntakeValidator(AttachmentPolicy.form()),
                new SlaCalendar(productionCalendar(config)),
                new AcknowledgementText(config.publicUrl().toString()),
                clock);
        return new IntakeService(new JdbcTransactions(Database.jdbi(dataSource)), new IntakePipeline(stages));
    }

    static ProductionCalendar productionCalendar(IntakeConfig config) {
        return config.slaCalendarFile().map(file -> {
            try (InputStream in = Files.newInputStream(file)) {
                return ProductionCalendar.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("production calendar " + file + ": " + e.getMessage(), e);
            }
        }).orElseGet(ProductionCalendar::bundled);
    }

    private static void createDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir.toAbsolutePath(), e);
        }
    }

    private static HikariDataSource dataSource(IntakeConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("intake");
        pool.setJdbcUrl(config.dbUrl());
        pool.setUsername(config.dbUser());
        pool.setPassword(config.dbPassword());
        pool.setMaximumPoolSize(config.dbPoolSize());
        pool.setInitializationFailTimeout(10_000);
        return new HikariDataSource(pool);
    }
}
