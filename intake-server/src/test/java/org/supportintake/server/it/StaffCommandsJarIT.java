package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffAccounts;
import org.supportintake.core.staff.StaffMember;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The {@code staff} commands as an administrator runs them: the packaged jar on the embedded H2 file database. */
class StaffCommandsJarIT {

    private static final String PASSWORD = "пароль администратора";

    @TempDir
    Path workingDir;

    /** What one run of the jar left: exit status, standard output and standard error. */
    private record Run(int status, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** {@code java -jar intake-server.jar ARGS} with {@code input} on standard input; the default data directory. */
    private Run jar(String input, String... args) throws Exception {
        Path out = workingDir.resolve("out.txt");
        Path err = workingDir.resolve("err.txt");
        ProcessBuilder command = RunningJar.command(workingDir, Map.of(), out).redirectErrorStream(false)
                .redirectError(err.toFile());
        command.command().addAll(List.of(args));
        Process process = command.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The accounts on the database the commands used, once they have exited. */
    private Optional<StaffMember> byApiToken(String token) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Database.h2FileUrl(workingDir.resolve("intake-data").resolve("db")));
        config.setUsername("sa");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Jdbi jdbi = Database.jdbi(dataSource);
            return new JdbcStaffAccounts(jdbi, new JdbcAuditTrail(jdbi), Clock.systemUTC()).byApiToken(token);
        }
    }

    @Test
    void anAccountIsAddedWithThePasswordFromStandardInputAndASecondWithTheSameLoginIsRefused() throws Exception {
        Run added = jar(PASSWORD + "\nsecond line ignored\n", "staff", "add", "--login", "Petrova", "--role", "admin");
        Run again = jar(PASSWORD + "\n", "staff", "add", "--login", "petrova", "--role", "operator");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.err()).contains("added petrova (admin)");
        assertThat(added.out()).doesNotContain(PASSWORD);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("login 'petrova' is taken");
    }

    @Test
    void aShortPasswordAnUnknownRoleAndBadUsageAreRefusedWithTheirExitStatus() throws Exception {
        Run shortPassword = jar("elevenchars\n", "staff", "add", "--login", "petrova", "--role", "operator");
        Run noPassword = jar("", "staff", "add", "--login", "petrova", "--role", "operator");
        Run role = jar(PASSWORD + "\n", "staff", "add", "--login", "petrova", "--role", "king");
        Run noLogin = jar("", "staff", "token");
        Run unknown = jar("", "staff", "disable", "--login", "nobody");

        assertThat(shortPassword.status()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("the password is too short: at least 12 characters");
        assertThat(noPassword.status()).isEqualTo(2);
        assertThat(role.status()).isEqualTo(2);
        assertThat(role.err()).contains("unknown role 'king'");
        assertThat(noLogin.status()).isEqualTo(2);
        assertThat(noLogin.err()).contains("usage: staff add --login NAME --role operator|supervisor|admin");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("no account with login 'nobody'");
    }

    @Test
    void aTokenIsPrintedOnceAndWorksUntilRevokedAndDisablingStopsTheNextOne() throws Exception {
        jar(PASSWORD + "\n", "staff", "add", "--login", "petrova", "--role", "operator");

        Run first = jar("", "staff", "token", "--login", "petrova");
        Run second = jar("", "staff", "token", "--login", "petrova");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.outLines()).as("the token and nothing else").singleElement()
                .satisfies(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
        String token = first.outLines().get(0);
        assertThat(second.outLines().get(0)).isNotEqualTo(token);
        assertThat(byApiToken(token)).get().extracting(StaffMember::login).isEqualTo("petrova");

        Run revoked = jar("", "staff", "token", "--login", "petrova", "--revoke");
        assertThat(revoked.status()).isZero();
        assertThat(revoked.err()).contains("revoked 2 API token(s) of petrova");
        assertThat(revoked.out()).isEmpty();
        assertThat(byApiToken(token)).isEmpty();
        assertThat(byApiToken(second.outLines().get(0))).isEmpty();

        String third = jar("", "staff", "token", "--login", "petrova").outLines().get(0);
        assertThat(byApiToken(third)).isPresent();
        Run disabled = jar("", "staff", "disable", "--login", "petrova");
        assertThat(disabled.status()).isZero();
        assertThat(byApiToken(third)).isEmpty();
        assertThat(jar("", "staff", "token", "--login", "petrova").status()).as("no token for a disabled account")
                .isEqualTo(1);
    }

    @Test
    void helpListsTheStaffCommandsAndTheIdleSetting() throws Exception {
        Run help = jar("", "--help");

        assertThat(help.out()).contains("staff add --login NAME --role operator|supervisor|admin",
                "staff disable --login NAME", "staff token --login NAME --revoke", "INTAKE_STAFF_IDLE (intake.staff.idle)");
    }

    @Test
    void whileAServerHoldsTheEmbeddedDatabaseTheCommandSaysSoInOneLine() throws Exception {
        try (RunningJar server = RunningJar.start(workingDir,
                Map.of("INTAKE_IMAP_URL", "imap://support:secret@127.0.0.1:1/INBOX"))) {
            assertThat(server.awaitAnswer("/health", java.time.Duration.ofSeconds(30))).isNotNull();

            Run add = jar(PASSWORD + "\n", "staff", "add", "--login", "ivanova", "--role", "operator");

            assertThat(add.status()).isEqualTo(1);
            assertThat(add.err().lines().toList()).containsExactly("cannot open the database: the embedded H2 "
                    + "database is in use by a running server; stop the server first, or use PostgreSQL "
                    + "(INTAKE_DB_URL), where staff commands run beside it");
        }
    }
}
