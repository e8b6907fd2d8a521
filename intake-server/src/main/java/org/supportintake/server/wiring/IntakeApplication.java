package org.supportintake.server.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.intake.IntakePath;
import org.supportintake.core.intake.IntakePipeline;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcBacklog;
import org.supportintake.core.jdbc.JdbcAttachmentReferences;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcIntakeLogReader;
import org.supportintake.core.jdbc.JdbcPersonalData;
import org.supportintake.core.jdbc.JdbcQuarantine;
import org.supportintake.core.jdbc.JdbcStaffAccounts;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.jdbc.JdbcTicketFiles;
import org.supportintake.core.jdbc.JdbcTicketLookup;
import org.supportintake.core.jdbc.JdbcTransactions;
import org.supportintake.core.jdbc.JdbcOutboxQueue;
import org.supportintake.core.jdbc.JdbcDeadlineWatch;
import org.supportintake.core.jdbc.JdbcDigestQuery;
import org.supportintake.core.jdbc.JdbcRatingKey;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.jdbc.JdbcTicketQueue;
import org.supportintake.core.jobs.AnonymiseClosedTickets;
import org.supportintake.core.jobs.FlagOverdue;
import org.supportintake.core.jobs.SendDigest;
import org.supportintake.core.jobs.SendOutbox;
import org.supportintake.core.jobs.SweepFiles;
import org.supportintake.core.jobs.SweepUnreferencedFiles;
import org.supportintake.core.outbox.MailTransport;
import org.supportintake.core.outbox.OutboxDelivery;
import org.supportintake.core.outbox.RetrySchedule;
import org.supportintake.core.outbox.UnableToSendMailException;
import org.supportintake.core.outbox.AcknowledgementLimit;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.privacy.RequesterErasure;
import org.supportintake.core.privacy.Retention;
import org.supportintake.core.quarantine.SetAsideDesk;
import org.supportintake.core.rating.AnswerRatings;
import org.supportintake.core.rating.RatingKey;
import org.supportintake.core.rating.RatingLinks;
import org.supportintake.core.sla.ProductionCalendar;
import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.validation.IntakeValidator;
import org.supportintake.core.work.CitizenNotices;
import org.supportintake.core.work.SupervisorDigest;
import org.supportintake.core.work.TicketWork;
import org.supportintake.mail.imap.PollMailboxJob;
import org.supportintake.mail.smtp.SmtpSettings;
import org.supportintake.mail.smtp.SmtpTransport;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.http.HealthServlet;
import org.supportintake.server.http.HttpServer;
import org.supportintake.server.http.MetricsServlet;
import org.supportintake.server.http.RouteMeter;
import org.supportintake.server.metrics.IntakeMetrics;
import org.supportintake.server.metrics.JobMeters;
import org.supportintake.server.metrics.SmtpMeter;
import org.supportintake.web.WebForm;
import org.supportintake.web.security.AllowedMethods;
import org.supportintake.web.staff.StaffSite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

/** Every long-lived object of the server, built with {@code new} in one place, and their life cycle. */
public final class IntakeApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeApplication.class);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);
    /** The scheduled run catches retries and what a node that died left; new mail leaves at once (PromptDelivery). */
    private static final Duration SEND_EVERY = Duration.ofSeconds(15);
    private static final Duration FLAG_EVERY = Duration.ofMinutes(1);
    /** Retention runs at night, Moscow time, every day. */
    private static final String RETENTION_CRON = "0 30 3 * * ?";

    private final HikariDataSource dataSource;
    private final IntakeService intake;
    private final TicketWork work;
    private final PromptDelivery delivery;
    private final MailChannel mail;
    private final JobScheduler jobs;
    private final HttpServer http;
    private final IntakeMetrics metrics;

    private IntakeApplication(HikariDataSource dataSource, IntakeService intake, TicketWork work,
                              PromptDelivery delivery, MailChannel mail, JobScheduler jobs, HttpServer http,
                              IntakeMetrics metrics) {
        this.dataSource = dataSource;
        this.intake = intake;
        this.work = work;
        this.delivery = delivery;
        this.mail = mail;
        this.jobs = jobs;
        this.http = http;
        this.metrics = metrics;
    }

    /** Builds and starts everything; on failure, whatever was started is stopped again. */
    public static IntakeApplication start(IntakeConfig config) {
        // Whole seconds everywhere: what is stored, shown and answered has one precision.
        return start(config, Clock.tickSeconds(ZoneOffset.UTC));
    }

    /** With the given clock (tests move it to make tickets overdue). */
    public static IntakeApplication start(IntakeConfig config, Clock clock) {
        createDirectory(config.dataDir());
        IntakeMetrics metrics = new IntakeMetrics(clock);
        HikariDataSource dataSource = dataSource(config);
        dataSource.setMetricRegistry(metrics.registry());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Database.migrate(dataSource);
            Jdbi jdbi = Database.jdbi(dataSource);
            FileStore files = new FileStore(config.dataDir().resolve("files"));
            SmtpMeter smtp = new SmtpMeter(transport(config), metrics.registry());
            OutboxDelivery outbox = new OutboxDelivery(new JdbcOutboxQueue(jdbi), smtp, RetrySchedule.STANDARD,
                    clock, config.outboxLease());
            PromptDelivery delivery = new PromptDelivery(outbox);
            started.add(delivery);
            ProductionCalendar days = productionCalendar(config);
            JdbcTransactions transactions = new JdbcTransactions(jdbi);
            OutgoingMessageIds messageIds = new OutgoingMessageIds(config.mailFrom());
            AcknowledgementLimit limit = new AcknowledgementLimit(config.acknowledgementsPerHour(), clock);
            String publicUrl = config.publicUrl().toString();
            ReplyClock replyClock = new ReplyClock(new SlaCalendar(days), config.atRiskFraction(),
                    Duration.ofDays(config.reopenDays()));
            IntakeService intake = new IntakeService(transactions, new IntakePipeline(IntakePath.stages(
                    new IntakeValidator(config.formPolicy()), replyClock, new AcknowledgementText(publicUrl), messageIds,
                    limit, clock), metrics), clock, delivery, metrics);
            RatingLinks ratingLinks = ratingLinks(config, jdbi);
            TicketWork work = new TicketWork(transactions, replyClock, new CitizenNotices(publicUrl, ratingLinks),
                    messageIds, limit, delivery, clock);
            JdbcAttachmentReferences references = new JdbcAttachmentReferences(jdbi);
            SweepUnreferencedFiles sweep = new SweepUnreferencedFiles(files, references, clock, config.filesSweepGrace());
            Retention retention = new Retention(new JdbcPersonalData(jdbi), files, references, config.retention(), clock);
            AttachmentInspector attachments = new AttachmentInspector(files);

            MailChannel mail = MailChannel.open(config, files, attachments, intake, clock);
            started.add(mail);
            mail.observe(metrics);
            metrics.backlog(new JdbcBacklog(jdbi));
            boolean postgres = config.dbUrl().startsWith("jdbc:postgresql:");
            MailboxLocks polls = new MailboxLocks(dataSource, postgres);
            JobScheduler jobs = JobScheduler.start(dataSource, postgres,
                    Map.of(PollMailboxJob.class, () -> polls.exclusive(mail.job()),
                            SendOutbox.class, () -> new SendOutbox(outbox),
                            FlagOverdue.class, () -> new FlagOverdue(new JdbcDeadlineWatch(jdbi), replyClock, clock),
                            SweepFiles.class, () -> new SweepFiles(sweep),
                            AnonymiseClosedTickets.class, () -> new AnonymiseClosedTickets(retention),
                            SendDigest.class, () -> new SendDigest(new SupervisorDigest(new JdbcDigestQuery(jdbi),
                                    transactions, config.supervisorEmails(), days, messageIds, publicUrl, delivery,
                                    clock), clock)));
            started.add(0, jobs);
            jobs.listen(new JobMeters(metrics.registry()));
            mail.schedule(jobs, config.pollInterval());
            jobs.every(JobKey.jobKey("send outbox", "outbox"), SendOutbox.class, Map.of(), SEND_EVERY);
            jobs.every(JobKey.jobKey("sweep unreferenced files", "files"), SweepFiles.class, Map.of(), SWEEP_EVERY);
            jobs.every(JobKey.jobKey("flag overdue", "reply clock"), FlagOverdue.class, Map.of(), FLAG_EVERY);
            jobs.cron(JobKey.jobKey("supervisors' digest", "reply clock"), SendDigest.class, config.digestCron());
            jobs.cron(JobKey.jobKey("anonymise closed tickets", "retention"), AnonymiseClosedTickets.class,
                    RETENTION_CRON);

            AnswerRatings ratings = new AnswerRatings(transactions, ratingLinks, clock);

            HttpServer.Edge edge = config.httpEdge();
            Map<String, HttpServlet> servlets = new LinkedHashMap<>(WebForm.servlets(intake, attachments,
                    new JdbcTicketLookup(jdbi), ratings, config.webLimits(), edge.https(), jdbi, clock));
            servlets.put("/health/*", new HealthServlet(dataSource, mail::statuses,
                    Map.of("smtp", smtp::state, "scheduler", jobs::state)));
            servlets.put("/metrics", new MetricsServlet(metrics::scrape, config.metricsToken()));
            Map<String, Set<String>> methods = new HashMap<>(WebForm.methods());
            methods.put("/health/*", AllowedMethods.READ);
            methods.put("/metrics", AllowedMethods.READ);
            SetAsideDesk setAside = new SetAsideDesk(new JdbcQuarantine(jdbi), mail.replay(files), files, references,
                    clock);
            RequesterErasure erasure = new RequesterErasure(new JdbcPersonalData(jdbi), files, references, clock);
            JdbcAuditTrail audit = new JdbcAuditTrail(jdbi);
            StaffSite staff = new StaffSite(new StaffSite.Parts(new JdbcStaffAccounts(jdbi, audit, clock),
                    new JdbcStaffSessions(jdbi, clock, config.staffIdle()), audit, work,
                    new JdbcTicketQueue(jdbi), edge.https(), clock, new JdbcTicketFiles(jdbi), files,
                    setAside, new JdbcIntakeLogReader(jdbi), erasure));
            servlets.putAll(staff.servlets());
            methods.putAll(StaffSite.methods());
            List<Filter> filters = new ArrayList<>(List.of(new RouteMeter(metrics.registry())));
            filters.addAll(WebForm.filters(edge.https(), methods));
            filters.add(staff.gate());
            HttpServer http = new HttpServer(config.httpPort(), servlets, filters, edge).start();
            LOG.info("Support Intake listening on http://localhost:{}/ (database {})", http.port(),
                    dataSource.getJdbcUrl().replaceAll(";.*", ""));
            return new IntakeApplication(dataSource, intake, work, delivery, mail, jobs, http, metrics);
        } catch (RuntimeException e) {
            started.forEach(IntakeApplication::closeQuietly);
            dataSource.close();
            metrics.close();
            throw e;
        }
    }

    /**
     * The rating links of «Решено» mails, signed with {@code INTAKE_RATING_SECRET} or, when it is unset, with the key the
     * first node generated and stored; the staff moves (issue 15) sign with the same links.
     */
    static RatingLinks ratingLinks(IntakeConfig config, Jdbi jdbi) {
        RatingKey key = config.ratingSecret().map(RatingKey::of)
                .orElseGet(() -> JdbcRatingKey.loadOrCreate(jdbi, new SecureRandom()));
        return new RatingLinks(key, config.publicUrl().toString());
    }

    /** The one path both channels hand their submissions to. */
    public IntakeService intake() {
        return intake;
    }

    /** Staff's moves on tickets (the staff pages and API call these). */
    public TicketWork work() {
        return work;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        try {
            http.close();
        } finally {
            mail.stopNudges();
            jobs.close();
            delivery.close();
            mail.close();
            dataSource.close();
            metrics.close();
            LOG.info("Support Intake stopped");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("while stopping after a failed start: {}", e.toString());
        }
    }

    /** The configured SMTP server; the demo one when no mailbox is configured; else mail waits in the outbox. */
    private static MailTransport transport(IntakeConfig config) {
        Optional<SmtpSettings> smtp = config.smtp().or(() -> config.mailboxes().isEmpty()
                ? Optional.of(SmtpSettings.parse(DemoMailServer.smtpUrl(config.demoSmtpPort()), config.mailFrom())) : Optional.empty());
        if (smtp.isPresent()) {
            return new SmtpTransport(smtp.get());
        }
        LOG.warn("INTAKE_SMTP_URL is not set: acknowledgements wait in the outbox (up to 48 hours) until it is");
        return message -> {
            throw new UnableToSendMailException("no SMTP server configured (INTAKE_SMTP_URL)", false, null);
        };
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

    static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + directory.toAbsolutePath(), e);
        }
    }

    static HikariDataSource dataSource(IntakeConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("intake");
        pool.setJdbcUrl(config.dbUrl());
        pool.setUsername(config.dbUser());
        pool.setPassword(config.dbPassword());
        pool.setMaximumPoolSize(config.dbPoolSize());
        pool.setInitializationFailTimeout(10_000);
        // JdbcTransactions runs at the pool's level and no longer sets it per transaction (round trips)
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(pool);
    }
}
