package org.supportintake.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.supportintake.attachments.inspection.ArchiveLimits;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.rating.RatingKey;
import org.supportintake.mail.imap.MailboxSettings;
import org.supportintake.mail.smtp.SmtpSettings;
import org.supportintake.server.http.HttpServer;
import org.supportintake.server.http.TrustedProxies;
import org.supportintake.web.WebForm;

/**
 * The server's settings. The only abstract method looks a setting up; each typed accessor
 * converts it, falls back to the default, and throws {@link InvalidSettingException} for a bad value.
 */
public interface IntakeConfig {

    /** Bytes in the megabytes of settings. */
    long MB = 1024L * 1024L;

    /** The raw value of a setting, if it was given. */
    Optional<String> lookup(Setting setting);

    /** Where a setting's value came from, for error messages: the variable or the file key. */
    String sourceOf(Setting setting);

    default int httpPort() {
        return whole(Setting.HTTP_PORT, 0, 65535, "a port number from 0 to 65535");
    }

    /** How the HTTP server meets its clients: timeouts, rate, concurrency, proxies, and whether the site is https. */
    default HttpServer.Edge httpEdge() {
        Duration idle = convert(Setting.HTTP_IDLE_TIMEOUT, "an ISO-8601 duration from 1 second to 10 minutes, such as PT20S",
                raw -> {
                    Duration value = Duration.parse(raw);
                    return value.compareTo(Duration.ofSeconds(1)) >= 0 && value.compareTo(Duration.ofMinutes(10)) <= 0
                            ? value : null;
                });
        int rate = whole(Setting.HTTP_MIN_REQUEST_RATE, 0, 1_000_000, "bytes per second from 0 (no minimum) to 1000000");
        int concurrent = whole(Setting.HTTP_CONCURRENT_PER_ADDRESS, 1, 50, "a whole number from 1 to 50");
        return new HttpServer.Edge(idle, rate, concurrent, trustedProxies(), "https".equals(publicUrl().getScheme()));
    }

    default TrustedProxies trustedProxies() {
        return lookup(Setting.TRUSTED_PROXIES).map(raw -> {
            try {
                return TrustedProxies.parse(raw);
            } catch (IllegalArgumentException e) {
                throw invalid(Setting.TRUSTED_PROXIES, raw,
                        "IP addresses or CIDR ranges separated by commas, such as 10.0.0.5, 192.168.0.0/16, fd00::/8");
            }
        }).orElse(TrustedProxies.none());
    }

    default Path dataDir() {
        return convert(Setting.DATA_DIR, "a directory path", Path::of);
    }

    default String dbUrl() {
        return lookup(Setting.DB_URL).map(url -> {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw invalid(Setting.DB_URL, url, "a jdbc:postgresql:// or jdbc:h2: URL");
            }
            return url;
        }).orElseGet(() -> Database.h2FileUrl(dataDir().resolve("db")));
    }

    default String dbUser() {
        return lookup(Setting.DB_USER).orElse(dbUrl().startsWith("jdbc:h2:") ? "sa" : "");
    }

    default String dbPassword() {
        return lookup(Setting.DB_PASSWORD).orElse("");
    }

    default int dbPoolSize() {
        return whole(Setting.DB_POOL_SIZE, 2, 200, "a whole number from 2 to 200");
    }

    default URI publicUrl() {
        return convert(Setting.PUBLIC_URL, "an absolute http:// or https:// URL", raw -> {
            URI uri = new URI(raw);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    ? uri : null;
        });
    }

    default String mailFrom() {
        return convert(Setting.MAIL_FROM, "an email address such as support@example.ru",
                raw -> raw.matches("[^@\\s<>]+@[^@\\s<>]+") ? raw : null);
    }

    default int acknowledgementsPerHour() {
        return whole(Setting.ACK_LIMIT_PER_HOUR, 1, 1000, "a whole number from 1 to 1000");
    }

    default Optional<Path> slaCalendarFile() {
        return lookup(Setting.SLA_CALENDAR_FILE).map(raw -> {
            Path file = Path.of(raw);
            if (!Files.isReadable(file)) {
                throw invalid(Setting.SLA_CALENDAR_FILE, raw, "a readable file");
            }
            return file;
        });
    }

    /** The form's file limits: DESIGN.md's types, size and count from settings. */
    default AttachmentPolicy formPolicy() {
        return AttachmentPolicy.form()
                .withMaxFileSize(whole(Setting.FORM_MAX_FILE_MB, 1, 100, "a whole number of MB from 1 to 100") * MB)
                .withMaxFiles(whole(Setting.FORM_MAX_FILES, 1, 20, "a whole number from 1 to 20"))
                .withArchiveLimits(archiveLimits());
    }

    /** The citizens' web: the form's file policy, the request size cap and the rate limits. */
    default WebForm.Limits webLimits() {
        return new WebForm.Limits(formPolicy(),
                whole(Setting.FORM_MAX_REQUEST_MB, 1, 1000, "a whole number of MB from 1 to 1000") * MB,
                whole(Setting.FORM_LIMIT_PER_ADDRESS, 1, 1_000_000, "a whole number from 1 to 1000000"),
                whole(Setting.FORM_LIMIT_PER_EMAIL, 1, 1_000_000, "a whole number from 1 to 1000000"),
                whole(Setting.STATUS_LIMIT_PER_ADDRESS, 1, 1_000_000, "a whole number from 1 to 1000000"));
    }

    /** The email's file limits: DESIGN.md's types, total size from settings. */
    default AttachmentPolicy emailPolicy() {
        long total = whole(Setting.EMAIL_MAX_TOTAL_MB, 1, 100, "a whole number of MB from 1 to 100") * MB;
        return AttachmentPolicy.email().withMaxFileSize(total).withMaxTotalSize(total).withArchiveLimits(archiveLimits());
    }

    default ArchiveLimits archiveLimits() {
        return new ArchiveLimits(
                whole(Setting.ZIP_MAX_ENTRIES, 1, 100_000, "a whole number from 1 to 100000"),
                whole(Setting.ZIP_MAX_INFLATED_MB, 1, 10_000, "a whole number of MB from 1 to 10000") * MB,
                whole(Setting.ZIP_MAX_RATIO, 2, 10_000, "a whole number from 2 to 10000"),
                whole(Setting.ZIP_MAX_DEPTH, 1, 5, "a whole number from 1 to 5"));
    }

    /** The mailboxes to poll; empty means the embedded demo mail server. */
    default List<MailboxSettings> mailboxes() {
        return lookup(Setting.IMAP_URL).map(urls -> {
            try {
                return MailboxSettings.parseAll(urls);
            } catch (IllegalArgumentException e) {
                throw InvalidSettingException.because(sourceOf(Setting.IMAP_URL), "(hidden)",
                        e.getMessage().replaceFirst("^Invalid IMAP URL: ", ""));
            }
        }).orElse(List.of());
    }

    /** Where outgoing mail goes, when configured. */
    default Optional<SmtpSettings> smtp() {
        return lookup(Setting.SMTP_URL).map(url -> {
            try {
                return SmtpSettings.parse(url, mailFrom());
            } catch (IllegalArgumentException e) {
                throw InvalidSettingException.because(sourceOf(Setting.SMTP_URL), "(hidden)",
                        e.getMessage().replaceFirst("^Invalid SMTP URL: ", ""));
            }
        });
    }

    /** The demo mail server's SMTP port (a second instance on one machine needs its own). */
    default int demoSmtpPort() {
        return whole(Setting.DEMO_SMTP_PORT, 1, 65535, "a port number from 1 to 65535");
    }

    /** The demo mail server's IMAP port; not the SMTP one. */
    default int demoImapPort() {
        int smtp = demoSmtpPort();
        return whole(Setting.DEMO_IMAP_PORT, 1, 65535, "a port number from 1 to 65535, not the demo SMTP port " + smtp,
                port -> port != smtp);
    }

    /** The outbox claim's lease; below a minute only for tests that kill a node mid-send (the SMTP timeouts are longer). */
    default Duration outboxLease() {
        return convert(Setting.OUTBOX_LEASE, "an ISO-8601 duration from 1 second to 1 hour, such as PT5M", raw -> {
            Duration lease = Duration.parse(raw);
            return lease.compareTo(Duration.ofSeconds(1)) >= 0 && lease.compareTo(Duration.ofHours(1)) <= 0 ? lease : null;
        });
    }

    default Duration pollInterval() {
        return convert(Setting.POLL_INTERVAL, "an ISO-8601 duration of at least one second, such as PT30S", raw -> {
            Duration interval = Duration.parse(raw);
            return interval.compareTo(Duration.ofSeconds(1)) >= 0 ? interval : null;
        });
    }

    default int pollBatch() {
        return whole(Setting.POLL_BATCH, 1, 1000, "a whole number from 1 to 1000");
    }

    default long mailMaxBytes() {
        return whole(Setting.MAIL_MAX_MB, 1, 500, "a whole number of MB from 1 to 500") * MB;
    }

    default Duration filesSweepGrace() {
        return convert(Setting.FILES_SWEEP_GRACE, "an ISO-8601 duration of at least one hour, such as PT24H", raw -> {
            Duration grace = Duration.parse(raw);
            return grace.compareTo(Duration.ofHours(1)) >= 0 ? grace : null;
        });
    }

    /** How long after closing personal data stays on a ticket (152-FZ retention); then it is anonymised. */
    default Period retention() {
        return convert(Setting.RETENTION, "an ISO-8601 period of at least one day, such as P3Y", raw -> {
            Period period = Period.parse(raw);
            return period.isNegative() || period.isZero()
                    || LocalDate.of(2000, 1, 1).plus(period).isBefore(LocalDate.of(2000, 1, 2)) ? null : period;
        });
    }

    default int reopenDays() {
        return whole(Setting.REOPEN_DAYS, 1, 90, "a whole number of days from 1 to 90");
    }

    default double atRiskFraction() {
        return convert(Setting.AT_RISK_FRACTION, "a number between 0 and 1, such as 0.2", raw -> {
            double fraction = Double.parseDouble(raw);
            return fraction > 0 && fraction < 1 ? fraction : null;
        });
    }

    default String digestCron() {
        return convert(Setting.DIGEST_CRON, "a Quartz cron expression such as 0 0 9 ? * MON-FRI",
                raw -> org.quartz.CronExpression.isValidExpression(raw) ? raw : null);
    }

    default List<String> supervisorEmails() {
        return lookup(Setting.SUPERVISOR_EMAILS).map(raw -> java.util.Arrays.stream(raw.split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).map(address -> {
                    if (!address.matches("[^@\\s,]+@[^@\\s,]+")) {
                        throw invalid(Setting.SUPERVISOR_EMAILS, raw, "email addresses separated by commas");
                    }
                    return address;
                }).toList()).orElse(List.of());
    }

    /** The configured key of the rating links; empty: the one generated at first start and kept in the database. */
    default Optional<String> ratingSecret() {
        return lookup(Setting.RATING_SECRET).filter(raw -> !raw.isEmpty()).map(raw -> {
            if (raw.length() < RatingKey.MIN_SECRET_LENGTH) {
                throw invalid(Setting.RATING_SECRET, raw, "at least " + RatingKey.MIN_SECRET_LENGTH + " characters");
            }
            return raw;
        });
    }

    /** The bearer token {@code /metrics} asks for; empty: open. */
    default Optional<String> metricsToken() {
        return lookup(Setting.METRICS_TOKEN).map(String::strip).filter(raw -> !raw.isEmpty()).map(raw -> {
            if (raw.length() < 16 || raw.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw invalid(Setting.METRICS_TOKEN, raw, "at least 16 printable ASCII characters without spaces");
            }
            return raw;
        });
    }

    /** Whether log lines are JSON objects ({@code json}) rather than text. */
    default boolean jsonLogs() {
        return convert(Setting.LOG_FORMAT, "text or json", raw -> switch (raw) {
            case "text" -> false;
            case "json" -> true;
            default -> null;
        });
    }

    /** How long a staff session lasts without a request. */
    default Duration staffIdle() {
        return convert(Setting.STAFF_IDLE, "an ISO-8601 duration from 1 minute to 24 hours, such as PT30M", raw -> {
            Duration idle = Duration.parse(raw);
            return idle.compareTo(Duration.ofMinutes(1)) >= 0 && idle.compareTo(Duration.ofHours(24)) <= 0 ? idle : null;
        });
    }

    /** Every bad value, one line each; empty when the server can start. */
    default List<String> validate() {
        List<String> problems = new ArrayList<>();
        List<Supplier<?>> accessors = List.of(this::httpPort, this::dataDir, this::dbUrl, this::dbUser,
                this::dbPoolSize, this::publicUrl, this::mailFrom, this::acknowledgementsPerHour, this::slaCalendarFile, this::formPolicy, this::webLimits, this::emailPolicy,
                this::filesSweepGrace, this::mailboxes, this::smtp, this::outboxLease, this::pollInterval, this::pollBatch,
                this::mailMaxBytes, this::httpEdge, this::reopenDays, this::atRiskFraction, this::digestCron,
                this::supervisorEmails, this::ratingSecret, this::staffIdle, this::retention,
                this::demoSmtpPort, this::demoImapPort, this::metricsToken, this::jsonLogs);
        for (Supplier<?> accessor : accessors) {
            try {
                accessor.get();
            } catch (InvalidSettingException e) {
                if (!problems.contains(e.getMessage())) {
                    problems.add(e.getMessage());
                }
            }
        }
        return problems;
    }

    private int whole(Setting setting, int min, int max, String expected) {
        return whole(setting, min, max, expected, value -> true);
    }

    private int whole(Setting setting, int min, int max, String expected, java.util.function.IntPredicate also) {
        return convert(setting, expected, raw -> {
            int value = Integer.parseInt(raw);
            return value >= min && value <= max && also.test(value) ? value : null;
        });
    }

    /** Converts the value given, or the setting's default; a value it cannot use is an {@link InvalidSettingException}. */
    private <T> T convert(Setting setting, String expected, Conversion<T> conversion) {
        String raw = lookup(setting).orElse(setting.defaultValue());
        try {
            T value = conversion.apply(raw.strip());
            if (value != null) {
                return value;
            }
        } catch (NumberFormatException | URISyntaxException | InvalidPathException | DateTimeParseException e) {
            // reported below, as every other bad value
        }
        throw invalid(setting, raw, expected);
    }

    private InvalidSettingException invalid(Setting setting, String raw, String expected) {
        return new InvalidSettingException(sourceOf(setting), setting.isSecret() ? "(hidden)" : raw, expected);
    }

    /** A conversion that returns null, or throws, for a value it cannot use. */
    @FunctionalInterface
    interface Conversion<T> {
        T apply(String raw) throws NumberFormatException, URISyntaxException;
    }

    /** For tests and tools: settings from a function. */
    static IntakeConfig of(Function<Setting, Optional<String>> values) {
        return new IntakeConfig() {
            @Override
            public Optional<String> lookup(Setting setting) {
                return values.apply(setting);
            }

            @Override
            public String sourceOf(Setting setting) {
                return setting.variable();
            }
        };
    }
}
