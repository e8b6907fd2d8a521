package org.supportintake.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.inspection.ArchiveLimits;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.server.http.HttpServer;

class EnvironmentConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsNeedNoSettingAtAll() {
        IntakeConfig config = EnvironmentConfig.load(Map.of());
        assertThat(config.validate()).isEmpty();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./intake-data"));
        assertThat(config.dbUrl()).startsWith("jdbc:h2:file:").contains("intake-data").contains("MODE=PostgreSQL");
        assertThat(config.dbUser()).isEqualTo("sa");
        assertThat(config.publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
    }

    @Test
    void environmentVariableWinsOverTheFile() throws IOException {
        Path file = properties("intake.http.port=9001\nintake.public.url=https://support.example.ru\n");
        IntakeConfig config = EnvironmentConfig.load(Map.of("INTAKE_CONFIG", file.toString(), "INTAKE_HTTP_PORT", "9002"));
        assertThat(config.httpPort()).isEqualTo(9002);
        assertThat(config.publicUrl()).isEqualTo(URI.create("https://support.example.ru"));
    }

    @Test
    void postgresUrlSelectsPostgres() {
        IntakeConfig config = EnvironmentConfig.load(Map.of("INTAKE_DB_URL", "jdbc:postgresql://db:5432/intake",
                "INTAKE_DB_USER", "intake"));
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/intake");
        assertThat(config.dbUser()).isEqualTo("intake");
    }

    @Test
    void everyBadValueIsReportedOnOneLineNamingSettingValueAndExpectation() throws IOException {
        Path file = properties("intake.public.url=ftp://example.ru\n");
        IntakeConfig config = EnvironmentConfig.load(Map.of("INTAKE_CONFIG", file.toString(),
                "INTAKE_HTTP_PORT", "eighty", "INTAKE_DB_URL", "mysql://x", "INTAKE_DB_POOL_SIZE", "1",
                "INTAKE_SLA_CALENDAR_FILE", dir.resolve("missing.txt").toString()));
        assertThat(config.validate()).containsExactly(
                "INTAKE_HTTP_PORT=eighty: expected a port number from 0 to 65535",
                "INTAKE_DB_URL=mysql://x: expected a jdbc:postgresql:// or jdbc:h2: URL",
                "INTAKE_DB_POOL_SIZE=1: expected a whole number from 2 to 200",
                "intake.public.url (in " + file + ")=ftp://example.ru: expected an absolute http:// or https:// URL",
                "INTAKE_SLA_CALENDAR_FILE=" + dir.resolve("missing.txt") + ": expected a readable file");
    }

    @Test
    void replyClockAndDigestSettingsHaveDefaultsAndRefuseWhatCannotWork() {
        IntakeConfig defaults = EnvironmentConfig.load(Map.of());
        assertThat(defaults.reopenDays()).isEqualTo(7);
        assertThat(defaults.atRiskFraction()).isEqualTo(0.2);
        assertThat(defaults.digestCron()).isEqualTo("0 0 9 ? * MON-FRI");
        assertThat(defaults.supervisorEmails()).isEmpty();

        IntakeConfig config = EnvironmentConfig.load(Map.of("INTAKE_SUPERVISOR_EMAILS", " head@support.ru, deputy@support.ru ",
                "INTAKE_REOPEN_DAYS", "0", "INTAKE_AT_RISK_FRACTION", "1.5", "INTAKE_DIGEST_CRON", "every morning"));
        assertThat(config.supervisorEmails()).containsExactly("head@support.ru", "deputy@support.ru");
        assertThat(config.validate()).containsExactly(
                "INTAKE_REOPEN_DAYS=0: expected a whole number of days from 1 to 90",
                "INTAKE_AT_RISK_FRACTION=1.5: expected a number between 0 and 1, such as 0.2",
                "INTAKE_DIGEST_CRON=every morning: expected a Quartz cron expression such as 0 0 9 ? * MON-FRI");
    }

    @Test
    void theRatingSecretIsOptionalAndAShortOneIsRefusedWithoutPrintingIt() {
        assertThat(EnvironmentConfig.load(Map.of()).ratingSecret()).isEmpty();
        String secret = "k".repeat(32);
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_RATING_SECRET", secret)).ratingSecret()).contains(secret);

        assertThat(EnvironmentConfig.load(Map.of("INTAKE_RATING_SECRET", "short-secret")).validate())
                .containsExactly("INTAKE_RATING_SECRET=(hidden): expected at least 32 characters");
    }

    @Test
    void unreadableConfigFileIsABadSetting() {
        assertThatThrownBy(() -> EnvironmentConfig.load(Map.of("INTAKE_CONFIG", dir.resolve("nope.properties").toString())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("INTAKE_CONFIG=" + dir.resolve("nope.properties") + ": expected a readable properties file");
    }

    @Test
    void httpEdgeDefaultsGuardAgainstSlowClientsAndTrustNoProxy() {
        HttpServer.Edge edge = EnvironmentConfig.load(Map.of()).httpEdge();

        assertThat(edge.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(edge.minRequestBytesPerSecond()).isEqualTo(1024);
        assertThat(edge.concurrentPerAddress()).isEqualTo(10);
        assertThat(edge.trustedProxies().isEmpty()).isTrue();
        assertThat(edge.https()).isFalse();
    }

    @Test
    void httpEdgeComesFromSettingsAndAnHttpsPublicAddress() throws Exception {
        HttpServer.Edge edge = EnvironmentConfig.load(Map.of("INTAKE_HTTP_IDLE_TIMEOUT", "PT5S",
                "INTAKE_HTTP_MIN_REQUEST_RATE", "2048", "INTAKE_HTTP_CONCURRENT_PER_ADDRESS", "4",
                "INTAKE_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8", "INTAKE_PUBLIC_URL", "https://support.example.ru"))
                .httpEdge();

        assertThat(edge).extracting(HttpServer.Edge::idleTimeout, HttpServer.Edge::minRequestBytesPerSecond,
                HttpServer.Edge::concurrentPerAddress, HttpServer.Edge::https)
                .containsExactly(Duration.ofSeconds(5), 2048L, 4, true);
        assertThat(edge.trustedProxies().contains(java.net.InetAddress.getByName("10.1.2.3"))).isTrue();
    }

    @Test
    void badHttpEdgeSettingsAreReported() {
        IntakeConfig config = EnvironmentConfig.load(Map.of("INTAKE_TRUSTED_PROXIES", "10.0.0.0/8, proxy.local",
                "INTAKE_HTTP_CONCURRENT_PER_ADDRESS", "500"));
        assertThat(config.validate()).containsExactly(
                "INTAKE_HTTP_CONCURRENT_PER_ADDRESS=500: expected a whole number from 1 to 50");
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_TRUSTED_PROXIES", "10.0.0.0/8, proxy.local")).validate())
                .containsExactly("INTAKE_TRUSTED_PROXIES=10.0.0.0/8, proxy.local: expected IP addresses or CIDR ranges "
                        + "separated by commas, such as 10.0.0.5, 192.168.0.0/16, fd00::/8");
    }

    @Test
    void attachmentLimitsDefaultToTheDesign() {
        IntakeConfig config = EnvironmentConfig.load(Map.of());
        assertThat(config.formPolicy()).isEqualTo(AttachmentPolicy.form());
        assertThat(config.emailPolicy()).isEqualTo(AttachmentPolicy.email());
        assertThat(config.filesSweepGrace()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void attachmentLimitsComeFromSettings() {
        IntakeConfig config = EnvironmentConfig.load(Map.of("INTAKE_FORM_MAX_FILE_MB", "3", "INTAKE_FORM_MAX_FILES", "2",
                "INTAKE_EMAIL_MAX_TOTAL_MB", "20", "INTAKE_ZIP_MAX_DEPTH", "1", "INTAKE_ZIP_MAX_RATIO", "50"));
        assertThat(config.formPolicy().maxFileSize()).isEqualTo(3L * 1024 * 1024);
        assertThat(config.formPolicy().maxFiles()).isEqualTo(2);
        assertThat(config.emailPolicy().maxTotalSize()).isEqualTo(20L * 1024 * 1024);
        assertThat(config.emailPolicy().archiveLimits()).isEqualTo(new ArchiveLimits(1000, 100L * 1024 * 1024, 50, 1));
    }

    @Test
    void badAttachmentLimitsAreReported() {
        IntakeConfig config = EnvironmentConfig.load(Map.of("INTAKE_FORM_MAX_FILES", "0", "INTAKE_ZIP_MAX_DEPTH", "deep",
                "INTAKE_FILES_SWEEP_GRACE", "PT1M"));
        assertThat(config.validate()).containsExactly(
                "INTAKE_FORM_MAX_FILES=0: expected a whole number from 1 to 20",
                "INTAKE_ZIP_MAX_DEPTH=deep: expected a whole number from 1 to 5",
                "INTAKE_FILES_SWEEP_GRACE=PT1M: expected an ISO-8601 duration of at least one hour, such as PT24H");
    }

    @Test
    void retentionIsThreeYearsUnlessSetToAPositivePeriod() {
        assertThat(EnvironmentConfig.load(Map.of()).retention()).isEqualTo(java.time.Period.ofYears(3));
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_RETENTION", "P18M")).retention())
                .isEqualTo(java.time.Period.ofMonths(18));
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_RETENTION", "P0D")).validate()).containsExactly(
                "INTAKE_RETENTION=P0D: expected an ISO-8601 period of at least one day, such as P3Y");
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_RETENTION", "PT5M")).validate()).hasSize(1);
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_RETENTION", "P-1Y")).validate()).hasSize(1);
    }

    @Test
    void outboxLeaseIsFiveMinutesUnlessSetWithinASecondToAnHour() {
        assertThat(EnvironmentConfig.load(Map.of()).outboxLease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_OUTBOX_LEASE", "PT5S")).outboxLease())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_OUTBOX_LEASE", "PT0.5S")).validate()).containsExactly(
                "INTAKE_OUTBOX_LEASE=PT0.5S: expected an ISO-8601 duration from 1 second to 1 hour, such as PT5M");
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_OUTBOX_LEASE", "PT2H")).validate()).hasSize(1);
    }

    @Test
    void mailServerUrlsAreParsedAndABadOneNeverShowsItsPassword() {
        IntakeConfig good = EnvironmentConfig.load(Map.of(
                "INTAKE_IMAP_URL", "imaps://support%40example.ru:p%40ss@imap.example.ru/INBOX, imap://b:c@mx.example.ru:1143",
                "INTAKE_SMTP_URL", "smtp://support%40example.ru:p%40ss@smtp.example.ru:587?starttls=required"));
        assertThat(good.validate()).isEmpty();
        assertThat(good.mailboxes()).extracting(m -> m.label())
                .containsExactly("support@example.ru@imap.example.ru:993/INBOX", "b@mx.example.ru:1143/INBOX");
        assertThat(good.mailboxes().get(0).password()).isEqualTo("p@ss");

        IntakeConfig bad = EnvironmentConfig.load(Map.of("INTAKE_IMAP_URL", "pop3://user:topsecret@host",
                "INTAKE_SMTP_URL", "smtp://user:topsecret@"));
        assertThat(bad.validate()).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("topsecret"))
                .anySatisfy(line -> assertThat(line).startsWith("INTAKE_IMAP_URL=(hidden): the scheme must be imap or imaps; "
                        + "expected imap://USER:PASSWORD@HOST:PORT/FOLDER"))
                .anySatisfy(line -> assertThat(line).startsWith("INTAKE_SMTP_URL=(hidden): the host is missing"));
    }

    @Test
    void demoMailPortsDefaultTo3025And3143AndMustBeTwoPortNumbers() {
        IntakeConfig defaults = EnvironmentConfig.load(Map.of());
        assertThat(defaults.demoSmtpPort()).isEqualTo(3025);
        assertThat(defaults.demoImapPort()).isEqualTo(3143);
        IntakeConfig second = EnvironmentConfig.load(Map.of("INTAKE_DEMO_SMTP_PORT", "3125", "INTAKE_DEMO_IMAP_PORT", "3243"));
        assertThat(second.validate()).isEmpty();
        assertThat(second.demoSmtpPort()).isEqualTo(3125);
        assertThat(second.demoImapPort()).isEqualTo(3243);

        assertThat(EnvironmentConfig.load(Map.of("INTAKE_DEMO_SMTP_PORT", "0", "INTAKE_DEMO_IMAP_PORT", "65536")).validate())
                .containsExactly("INTAKE_DEMO_SMTP_PORT=0: expected a port number from 1 to 65535");
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_DEMO_IMAP_PORT", "smtp")).validate())
                .containsExactly("INTAKE_DEMO_IMAP_PORT=smtp: expected a port number from 1 to 65535, not the demo SMTP port 3025");
        assertThat(EnvironmentConfig.load(Map.of("INTAKE_DEMO_SMTP_PORT", "4000", "INTAKE_DEMO_IMAP_PORT", "4000")).validate())
                .containsExactly("INTAKE_DEMO_IMAP_PORT=4000: expected a port number from 1 to 65535, not the demo SMTP port 4000");
    }

    @Test
    void noMailboxMeansTheDemoMailServer() {
        assertThat(EnvironmentConfig.load(Map.of()).mailboxes()).isEmpty();
        assertThat(EnvironmentConfig.load(Map.of()).pollInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void variableNamesFollowTheKeys() {
        assertThat(Setting.HTTP_PORT.variable()).isEqualTo("INTAKE_HTTP_PORT");
        assertThat(Setting.DB_POOL_SIZE.variable()).isEqualTo("INTAKE_DB_POOL_SIZE");
    }

    private Path properties(String text) throws IOException {
        Path file = dir.resolve("intake.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
