package org.supportintake.mail.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.store.DeferredForce;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.mail.MailIntake;
import org.supportintake.mail.classify.MailClassifier;
import org.supportintake.mail.imap.MailboxPoller;
import org.supportintake.mail.imap.MailboxSettings;
import org.supportintake.mail.mime.MailReader;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Mail intake from a real IMAP server (Dovecot) to committed tickets, beside a plain IMAP fetch of the same mail. */
public final class MailBenchmark {

    private static final int BATCH = 50;
    /** Small mails per warm-up round (a quarter as many realistic ones); bench/mail.sh sets it from BENCH_WARM_UP. */
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 200);
    private static final int WARM_UPS = 3;
    private static final String WARM = "warm";
    private static final String TIMED = "timed";
    private static final List<String> MAILDIR_SUBDIRECTORIES = List.of("cur", "new", "tmp");

    private final MailboxSettings mailbox;
    private final Path maildir;
    private final MailIntake mailIntake;
    private final IntakeFixture intake;
    private final SupportMails mails = new SupportMails();
    private final boolean realistic;
    private final Path archive;

    private MailBenchmark(MailboxSettings mailbox, Path maildir, MailIntake mailIntake, IntakeFixture intake,
                          boolean realistic, Path archive) {
        this.archive = archive;
        this.realistic = realistic;
        this.mailbox = mailbox;
        this.maildir = maildir;
        this.mailIntake = mailIntake;
        this.intake = intake;
    }

    /**
     * Arguments: IMAP port, user, password, Maildir path, message count, {@code h2} or {@code postgres}, and
     * optionally the mix, {@code small} (the default) or {@code realistic}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6 && args.length != 7) {
            throw new IllegalArgumentException(
                    "usage: MailBenchmark PORT USER PASSWORD MAILDIR COUNT h2|postgres [small|realistic]");
        }
        boolean realistic = args.length == 7 && args[6].equals("realistic");
        String user = args[1];
        MailboxSettings mailbox = MailboxSettings.parse("imap://" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(args[2], StandardCharsets.UTF_8) + "@127.0.0.1:" + args[0] + "/INBOX");
        int count = Integer.parseInt(args[4]);
        String database = args[5];
        Path work = Files.createTempDirectory("mail-bench");
        HikariDataSource dataSource = open(database, work.resolve("h2"));
        try {
            IntakeFixture intake = IntakeFixture.on(dataSource);
            FileStore store = new FileStore(work.resolve("files"));
            MailIntake mailIntake = new MailIntake(store, new AttachmentInspector(store), AttachmentPolicy.email(),
                    new MailReader(), new MailClassifier(user), intake.service(), 50L * 1024 * 1024);
            MailBenchmark benchmark = new MailBenchmark(mailbox, Path.of(args[3]), mailIntake, intake,
                    realistic, work.resolve("archive"));
            benchmark.warmUp(realistic ? WARM_UP / 4 : WARM_UP);
            Rates rates = benchmark.round(TIMED, count);
            System.out.printf(Locale.ROOT, "%-9s %-9s %7d %8.0f %9.0f %10.0f %9.0f %7.3f %10.3f %8.2f %6.2f%n", database,
                    realistic ? "realistic" : "small", count, rates.averageBytes() / 1024.0, rates.fetch(),
                    rates.archive(), rates.intake(), rates.intake() / rates.fetch(),
                    rates.intake() / rates.archive(), rates.cores(), rates.compiling());
        } finally {
            if (database.equals("postgres")) {
                TestDatabases.dropPostgresSchema(dataSource);
            } else {
                dataSource.close();
            }
            deleteTree(work);
        }
    }

    /**
     * {@value #WARM_UPS} untimed rounds of {@code count} mails: a server runs for weeks, and the JIT compilers compete
     * for the same two cores (after one short round they were at work through most of the timed intake).
     */
    private void warmUp(int count) throws Exception {
        for (int round = 1; round <= WARM_UPS; round++) {
            round(WARM + round, count);
        }
    }

    /** Fills an empty mailbox with {@code count} mails, fetches them all, then takes them in; returns both rates. */
    private Rates round(String tag, int count) throws Exception {
        clearMaildir();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] raw = realistic ? mails.realistic(tag, i) : mails.mail(tag, i);
            deliver(tag + i, raw);
            bytes += raw.length;
        }
        long fetchStarted = System.nanoTime();
        int fetched = fetchAll(null);
        double fetchRate = rate(count, fetchStarted);
        long archiveStarted = System.nanoTime();
        fetchAll(new FileStore(archive.resolve(tag)));
        double archiveRate = rate(count, archiveStarted);
        long ticketsBefore = intake.rows("ticket");
        long cpuBefore = processCpuNanos();
        long compilingBefore = compiling();
        long intakeStarted = System.nanoTime();
        try (TimedProfile profile = tag.equals(TIMED) ? TimedProfile.start() : null;
             MailboxPoller poller = new MailboxPoller(mailbox, mailIntake, BATCH, Clock.systemUTC(),
                     Duration.ofMillis(50))) {
            while (poller.drain(100) > 0) {
                // as the poll job does, until the inbox is empty
            }
        }
        double intakeSeconds = (System.nanoTime() - intakeStarted) / 1e9;
        double intakeRate = count / intakeSeconds;
        double cores = (processCpuNanos() - cpuBefore) / 1e9 / intakeSeconds;
        long tickets = intake.rows("ticket") - ticketsBefore;
        int left = messages(mailbox.folder());
        int processed = messages(MailboxPoller.PROCESSED);
        check(fetched == count && tickets == count && left == 0 && processed == count, "of " + count
                + " messages " + fetched + " fetched, " + tickets + " tickets, " + left + " left in the inbox, "
                + processed + " in " + MailboxPoller.PROCESSED);
        return new Rates(fetchRate, archiveRate, intakeRate, (double) bytes / count, cores,
                (compiling() - compilingBefore) / 1e3 / intakeSeconds);
    }

    /**
     * What any reader must do: the poller's UID and date prefetch per batch, then each whole message, oldest first.
     * With {@code archive}, each message is also kept there and a batch's files forced to disk together, as the
     * intake keeps its evidence: the least any durable intake does.
     */
    private int fetchAll(FileStore archive) throws Exception {
        FetchProfile uidAndDate = new FetchProfile();
        uidAndDate.add(UIDFolder.FetchProfileItem.UID);
        uidAndDate.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        int fetched = 0;
        try (Store store = connect()) {
            Folder inbox = store.getFolder(mailbox.folder());
            inbox.open(Folder.READ_ONLY);
            int total = inbox.getMessageCount();
            for (int first = 1; first <= total; first += BATCH) {
                Message[] batch = inbox.getMessages(first, Math.min(first + BATCH - 1, total));
                inbox.fetch(batch, uidAndDate);
                DeferredForce later = archive == null ? null : archive.deferredForce();
                for (Message message : batch) {
                    if (archive == null) {
                        message.writeTo(OutputStream.nullOutputStream());
                    } else {
                        archive.keep(archive.stageWritten(out -> writeTo(message, out), Long.MAX_VALUE, 0, later));
                    }
                    fetched++;
                }
                if (later != null) {
                    later.force();
                }
            }
            inbox.close(false);
        }
        return fetched;
    }

    private static void writeTo(Message message, OutputStream out) throws IOException {
        try {
            message.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    private int messages(String folderName) throws Exception {
        try (Store store = connect()) {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    private Store connect() throws Exception {
        Store store = Session.getInstance(mailbox.sessionProperties()).getStore(mailbox.protocol());
        store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        return store;
    }

    /** Maildir delivery: write in tmp/, rename into new/, owned by the maildir's owner (the IMAP server's user). */
    private void deliver(String unique, byte[] raw) throws IOException {
        String name = Instant.now().getEpochSecond() + ".M" + unique + "P" + ProcessHandle.current().pid() + ".bench";
        Path written = Files.write(maildir.resolve("tmp").resolve(name), raw);
        Files.setOwner(written, Files.getOwner(maildir));
        Files.move(written, maildir.resolve("new").resolve(name + ",S=" + raw.length),
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Empties the maildir, folders and server indexes included; cur/, new/ and tmp/ stay, with their owner. */
    private void clearMaildir() throws IOException {
        try (Stream<Path> entries = Files.list(maildir)) {
            for (Path entry : entries.toList()) {
                if (!MAILDIR_SUBDIRECTORIES.contains(entry.getFileName().toString())) {
                    deleteTree(entry);
                }
            }
        }
        for (String subdirectory : MAILDIR_SUBDIRECTORIES) {
            try (Stream<Path> files = Files.list(maildir.resolve(subdirectory))) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Messages per second of the plain fetch, of the fetch kept on disk and of the intake, the mails' average size,
     * the cores this JVM kept busy during the intake (CPU s per second; the database server and Dovecot run beside
     * it) and the share of the intake's time the JIT compilers were at work (summed over their threads).
     */
    private record Rates(double fetch, double archive, double intake, double averageBytes, double cores,
                         double compiling) {
    }

    /** Milliseconds the JIT compilers have spent so far, summed over their threads. */
    private static long compiling() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double rate(int count, long startedNanos) {
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static void check(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalStateException("mail benchmark invalid: " + problem);
        }
    }

    private static HikariDataSource open(String database, Path h2Directory) throws IOException {
        if (database.equals("postgres")) {
            return TestDatabases.postgresSchema();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Database.h2FileUrl(Files.createDirectories(h2Directory)));
        config.setUsername("sa");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
