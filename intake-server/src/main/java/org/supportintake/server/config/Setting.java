package org.supportintake.server.config;

import java.util.Locale;

/** Every setting the server reads: its properties key, its environment variable, default and meaning. */
public enum Setting {
    HTTP_PORT("intake.http.port", "8080", "HTTP port"),
    HTTP_IDLE_TIMEOUT("intake.http.idle.timeout", "PT20S",
            "how long a connection may send nothing before it is closed (ISO-8601 duration)"),
    HTTP_MIN_REQUEST_RATE("intake.http.min.request.rate", "1024",
            "slowest request body accepted, in bytes per second; a slower upload is cut off"),
    HTTP_CONCURRENT_PER_ADDRESS("intake.http.concurrent.per.address", "10",
            "requests one client address may have in progress at once; one more is answered 429 at once"),
    TRUSTED_PROXIES("intake.trusted.proxies", "unset: forwarded headers ignored",
            "reverse proxies (addresses or CIDRs, IPv4 or IPv6, comma-separated) whose Forwarded, X-Forwarded-For "
                    + "and X-Forwarded-Proto are believed"),
    IMAP_URL("intake.imap.url", "unset: the embedded demo mail server",
            "mailboxes to poll: imap://USER:PASSWORD@HOST:PORT/INBOX or imaps://… (URL-encoded; ?auth=xoauth2), "
                    + "several separated by commas"),
    SMTP_URL("intake.smtp.url", "the demo server when INTAKE_IMAP_URL is unset",
            "smtp://USER:PASSWORD@HOST:PORT, ?starttls=required, or smtps://…"),
    DEMO_SMTP_PORT("intake.demo.smtp.port", "3025",
            "SMTP port of the embedded demo mail server on 127.0.0.1 (started only when INTAKE_IMAP_URL is unset)"),
    DEMO_IMAP_PORT("intake.demo.imap.port", "3143",
            "IMAP port of the embedded demo mail server on 127.0.0.1; the demo-mail command reads it too"),
    OUTBOX_LEASE("intake.outbox.lease", "PT5M",
            "how long a node's claim on an outbox row lasts (ISO-8601 duration): a row in flight on a node that died "
                    + "is sent again after this; keep it longer than an SMTP conversation"),
    POLL_INTERVAL("intake.poll.interval", "PT30S", "how often each mailbox is polled (ISO-8601 duration)"),
    POLL_BATCH("intake.poll.batch", "50", "messages taken from a mailbox per batch"),
    MAIL_MAX_MB("intake.mail.max.mb", "50", "largest raw email taken, in MB; larger ones go to the Failed folder"),
    DATA_DIR("intake.data.dir", "./intake-data", "directory for the H2 database, stored files and the raw mail archive"),
    DB_URL("intake.db.url", "H2 file under the data directory",
            "JDBC URL; a jdbc:postgresql://… URL selects PostgreSQL"),
    DB_USER("intake.db.user", "sa for H2", "database user"),
    DB_PASSWORD("intake.db.password", "(empty)", "database password"),
    DB_POOL_SIZE("intake.db.pool.size", "10", "largest number of database connections"),
    PUBLIC_URL("intake.public.url", "http://localhost:8080", "base of links in emails"),
    MAIL_FROM("intake.mail.from", "support@localhost",
            "the address acknowledgements come from, and whose own mail is never a ticket"),
    ACK_LIMIT_PER_HOUR("intake.ack.limit.per.hour", "5",
            "most automatic mails one address gets per hour, whatever it sends"),
    SLA_CALENDAR_FILE("intake.sla.calendar.file", "the bundled Russian calendar for 2026–2027",
            "production calendar file (lines 'YYYY-MM-DD holiday|workday|short') replacing the bundled one"),
    FORM_MAX_FILE_MB("intake.form.max.file.mb", "5", "largest file on the form, in MB"),
    FORM_MAX_FILES("intake.form.max.files", "5", "most files on one form submission"),
    FORM_MAX_REQUEST_MB("intake.form.max.request.mb", "30",
            "largest form or API request, files included, in MB; a larger one is answered 413 unread"),
    FORM_LIMIT_PER_ADDRESS("intake.form.limit.per.address", "20", "form and API submissions per client address per hour"),
    FORM_LIMIT_PER_EMAIL("intake.form.limit.per.email", "10", "form and API submissions per email address per hour"),
    STATUS_LIMIT_PER_ADDRESS("intake.status.limit.per.address", "30", "status lookups per client address per hour"),
    EMAIL_MAX_TOTAL_MB("intake.email.max.total.mb", "10", "all attachments of one email together, in MB"),
    ZIP_MAX_ENTRIES("intake.zip.max.entries", "1000", "most entries in a ZIP, nested ones counted"),
    ZIP_MAX_INFLATED_MB("intake.zip.max.inflated.mb", "100", "most a ZIP may inflate to, in MB"),
    ZIP_MAX_RATIO("intake.zip.max.ratio", "100", "most a ZIP may inflate relative to its size"),
    ZIP_MAX_DEPTH("intake.zip.max.depth", "2", "how deep ZIPs may nest (1: no ZIP in a ZIP)"),
    REOPEN_DAYS("intake.reopen.days", "7",
            "days after a ticket is resolved in which the citizen's reply reopens it; then it closes by itself"),
    AT_RISK_FRACTION("intake.at.risk.fraction", "0.2",
            "a ticket is at risk when less than this share of its business time is left"),
    DIGEST_CRON("intake.digest.cron", "0 0 9 ? * MON-FRI",
            "when the supervisors' digest is written (Quartz cron, Moscow time; days off are skipped)"),
    RATING_SECRET("intake.rating.secret", "(generated at first start and kept in the database)",
            "key that signs the rating links in «Решено» mails, at least 32 characters; changing it voids links sent"),
    SUPERVISOR_EMAILS("intake.supervisor.emails", "(none: no digest)", "addresses of the supervisors' digest, comma-separated"),
    STAFF_IDLE("intake.staff.idle", "PT30M",
            "how long a staff session lasts without a request before it ends (ISO-8601 duration, 1 minute to 24 hours)"),
    FILES_SWEEP_GRACE("intake.files.sweep.grace", "PT24H",
            "how long a stored file no message refers to is kept before it is deleted (ISO-8601 duration)"),
    RETENTION("intake.retention", "P3Y",
            "how long after closing a ticket keeps its requester's personal data; then a daily job anonymises it "
                    + "(ISO-8601 period, such as P3Y or P18M)"),
    METRICS_TOKEN("intake.metrics.token", "unset: /metrics open",
            "bearer token /metrics asks for (Authorization: Bearer TOKEN), at least 16 characters"),
    LOG_FORMAT("intake.log.format", "text", "log lines as text or json (one JSON object per line)");

    private final String key;
    private final String defaultValue;
    private final String description;

    /** Whether the value may hold a password, and so is never printed. */
    public boolean isSecret() {
        return this == IMAP_URL || this == SMTP_URL || this == DB_PASSWORD || this == RATING_SECRET
                || this == METRICS_TOKEN;
    }

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key in the properties file, {@code intake.http.port}. */
    public String key() {
        return key;
    }

    /** The environment variable, {@code INTAKE_HTTP_PORT}. */
    public String variable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
