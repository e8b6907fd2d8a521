package org.supportintake.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.quarantine.MailReplay;
import org.supportintake.mail.MailIntake;
import org.supportintake.mail.SetAsideReplay;
import org.supportintake.mail.classify.MailClassifier;
import org.supportintake.mail.imap.MailboxIdle;
import org.supportintake.mail.imap.MailboxPoller;
import org.supportintake.mail.imap.MailboxSettings;
import org.supportintake.mail.imap.MailboxStatus;
import org.supportintake.mail.imap.PollMailboxJob;
import org.supportintake.mail.mime.MailReader;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.metrics.IntakeMetrics;

/** The mail channel: the configured mailboxes (or the demo mail server), a poller each, their jobs and IDLE nudges. */
final class MailChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    private final DemoMailServer demo;
    private final Map<String, MailboxSettings> mailboxes;
    private final Map<String, MailboxPoller> pollers;
    private final MailIntake intake;
    private final List<MailboxIdle> idles = new ArrayList<>();

    private MailChannel(DemoMailServer demo, Map<String, MailboxSettings> mailboxes, Map<String, MailboxPoller> pollers,
                        MailIntake intake) {
        this.demo = demo;
        this.mailboxes = mailboxes;
        this.pollers = pollers;
        this.intake = intake;
    }

    static MailChannel open(IntakeConfig config, FileStore files, AttachmentInspector attachments, IntakeService intake,
                            Clock clock) {
        List<MailboxSettings> configured = config.mailboxes();
        DemoMailServer demo = null;
        if (configured.isEmpty()) {
            demo = DemoMailServer.start(config);
            configured = List.of(MailboxSettings.parse(demo.imapUrl()));
            LOG.info("no INTAKE_IMAP_URL: demo mail server on {}, SMTP {} and IMAP {}, mailbox {} (password {})",
                    DemoMailServer.HOST, demo.smtpPort(), demo.imapPort(), DemoMailServer.ADDRESS, DemoMailServer.PASSWORD);
        }
        MailIntake mail = new MailIntake(files, attachments, config.emailPolicy(), new MailReader(),
                new MailClassifier(config.mailFrom()), intake, config.mailMaxBytes());
        Map<String, MailboxSettings> byName = new LinkedHashMap<>();
        Map<String, MailboxPoller> pollers = new LinkedHashMap<>();
        for (MailboxSettings mailbox : configured) {
            byName.put(mailbox.label(), mailbox);
            pollers.put(mailbox.label(), new MailboxPoller(mailbox, mail, config.pollBatch(), clock, FIRST_RETRY));
        }
        return new MailChannel(demo, byName, pollers, mail);
    }

    /** Replay of set-aside mail through the same mail path the pollers use. */
    MailReplay replay(FileStore files) {
        return new SetAsideReplay(intake, files);
    }

    /** Each mailbox as its poller sees it, for {@code /health}. */
    List<MailboxStatus> statuses() {
        return pollers.values().stream().map(MailboxPoller::status).toList();
    }

    /** Each mailbox's gauges (lag, failures, set-aside mail), named as its poll job's data names it. */
    void observe(IntakeMetrics metrics) {
        pollers.forEach((name, poller) -> metrics.mailbox(name, poller::status, poller::oldestWaiting));
    }

    PollMailboxJob job() {
        return new PollMailboxJob(pollers);
    }

    /** One poll job per mailbox, and an IDLE watcher that runs it as soon as mail arrives. */
    void schedule(JobScheduler jobs, Duration interval) {
        mailboxes.forEach((name, mailbox) -> {
            JobKey key = JobKey.jobKey("poll " + name, "mail");
            jobs.every(key, PollMailboxJob.class, Map.of(PollMailboxJob.MAILBOX, name), interval);
            idles.add(new MailboxIdle(mailbox, () -> jobs.runNow(key)).start());
        });
    }

    /** Stops the IDLE watchers; call before the scheduler stops. */
    void stopNudges() {
        idles.forEach(MailboxIdle::close);
    }

    @Override
    public void close() {
        stopNudges();
        pollers.values().forEach(MailboxPoller::close);
        if (demo != null) {
            demo.close();
        }
    }
}
