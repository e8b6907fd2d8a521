package org.supportintake.web.staff;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.quarantine.MailReplay;
import org.supportintake.core.quarantine.NewSetAside;
import org.supportintake.core.quarantine.ReplayOutcome;
import org.supportintake.core.staff.LoginOutcome;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.web.WebForm;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The staff side on a real Jetty (free port) over H2, as the server assembles it: the site's filters, the gate, the
 * staff servlets. Members sign in by a session opened in the database; {@link #replay} takes a set-aside mail in as
 * an email with its external id, through the real intake service.
 */
final class QuarantineFixture implements AutoCloseable {

    private final HikariDataSource dataSource = TestDatabases.h2();
    private final IntakeFixture intake = IntakeFixture.on(dataSource);
    private final JdbcStaffSessions sessions;
    final FileStore files;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    QuarantineFixture(Path filesDirectory) throws Exception {
        files = new FileStore(filesDirectory);
        sessions = new JdbcStaffSessions(intake.jdbi(), intake.clock(), Duration.ofMinutes(30));
        StaffSite site = new StaffSite(SiteParts.of(intake, noAccounts(), sessions, new JdbcAuditTrail(intake.jdbi()),
                intake.clock(), files, replay()));
        var methods = new java.util.HashMap<>(WebForm.methods());
        methods.putAll(StaffSite.methods());
        ServletContextHandler context = new ServletContextHandler();
        WebForm.filters(false, methods).forEach(filter ->
                context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
        context.addFilter(new FilterHolder(site.gate()), "/*", EnumSet.of(DispatcherType.REQUEST));
        site.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        connector.setPort(0);
        server.addConnector(connector);
        server.start();
    }

    private MailReplay replay() {
        return mail -> {
            IntakeOutcome outcome = intake.service().accept(org.supportintake.core.submission.Submission.builder(
                            org.supportintake.core.submission.Channel.EMAIL, mail.mail().externalId(), mail.mail().receivedAt())
                    .sender(mail.mail().sender(), "", "").subject(mail.mail().subject())
                    .text("Добрый день! Текст письма, прочитанный при повторной обработке.")
                    .emailFacts(org.supportintake.core.submission.EmailFacts.headers(mail.mail().externalId(), "",
                            List.of())).build());
            if (outcome instanceof IntakeOutcome.Created created) {
                return new ReplayOutcome.Created(created.ticketNumber());
            }
            if (outcome instanceof IntakeOutcome.Duplicate duplicate) {
                return new ReplayOutcome.Duplicate(duplicate.ticketNumber());
            }
            return new ReplayOutcome.SetAsideAgain(outcome.toString());
        };
    }

    private static StaffAccounts noAccounts() {
        return new StaffAccounts() {
            @Override
            public LoginOutcome logIn(String login, char[] password, String address) {
                throw new UnsupportedOperationException("members sign in by session here");
            }

            @Override
            public Optional<StaffMember> byApiToken(String token) {
                return Optional.empty();
            }
        };
    }

    /** A signed-in browser of a new account with {@code role}. */
    Browser signIn(String login, Role role) {
        long id = intake.jdbi().withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                        + "created_at) values (:login, :role, 'x', :now)")
                .bind("login", login).bind("role", role.code())
                .bind("now", OffsetDateTime.ofInstant(intake.clock().instant(), ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        String cookie = sessions.open(new StaffMember(id, login, role));
        return new Browser(cookie, sessions.resume(cookie).orElseThrow().csrfToken());
    }

    /** Keeps {@code raw} in the store and sets it aside as the poller would; returns its id. */
    long setAside(String sender, String subject, String raw, String reason) {
        StagedFile staged = files.stageWritten(out -> out.write(raw.getBytes(StandardCharsets.UTF_8)), 100_000_000, 0);
        files.keep(staged);
        return intake.service().recordSetAside(new NewSetAside(Submissions.MONDAY_NOON, "support@localhost/INBOX",
                "<" + Long.toHexString(System.nanoTime()) + "@mail.example.ru>", sender, subject, staged.size(),
                staged.sha256(), reason));
    }

    IntakeFixture intake() {
        return intake;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + connector.getLocalPort() + path);
    }

    /** Audit rows as "action|staff|ticket|what", oldest first. */
    List<String> audit() {
        return intake.jdbi().withHandle(h -> h.createQuery("select action || '|' || staff || '|' || ticket || '|' || what "
                + "from audit_entry order by id").mapTo(String.class).list());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        // The in-memory database outlives its pool (DB_CLOSE_DELAY=-1): dropped here, so the suite fits its small heap.
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("shutdown");
        } catch (java.sql.SQLException closedByTheShutdown) {
            // the database is gone either way
        }
        dataSource.close();
    }

    /** A browser with a staff session cookie. */
    final class Browser {
        private final String cookie;
        final String csrf;

        private Browser(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", StaffRequest.COOKIE + "=" + cookie)
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", StaffRequest.COOKIE + "=" + cookie)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        /** A form post with this session's CSRF token, unless {@code fields} gives its own. */
        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            List<String> pairs = new ArrayList<>();
            if (!fields.containsKey("csrf")) {
                pairs.add("csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            }
            fields.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", StaffRequest.COOKIE + "=" + cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://localhost:" + connector.getLocalPort())
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
