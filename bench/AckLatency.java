import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Acknowledgement latency, measured from outside: the intake-server jar runs as its own process against a real IMAP
 * server (Dovecot, started by bench/ack-latency.sh) and a real SMTP server (GreenMail, started here so that every
 * arrival is timed in this process). COUNT form posts through the JSON API and COUNT emails appended to the INBOX,
 * one of each every PACE_MS, each from an address of its own; the acknowledgement is matched by its recipient.
 * Latency: form, from the API's 201 to the acknowledgement's arrival; email, from the end of the IMAP APPEND to it.
 * Baselines in the same run: one mail sent straight to GreenMail (connect, send, quit, as the server's transport
 * does), and IMAP APPEND to the IDLE notification on a second connection, as the server's IDLE watcher sees it.
 *
 * Usage: java -cp intake-server.jar bench/AckLatency.java IMAP_PORT USER PASSWORD WORK_DIR COUNT PACE_MS DB [PG_URL]
 */
public class AckLatency {

    static final String DOMAIN = "bench.example";
    static final int BASELINE_ROUNDS = 50;

    /** Arrival time at GreenMail, by recipient. */
    static final Map<String, Long> arrived = new ConcurrentHashMap<>();
    /** When each message was handed over (the API's answer, the APPEND's end), by the address it comes from. */
    static final Map<String, Long> handedOver = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int imapPort = Integer.parseInt(args[0]);
        String user = args[1];
        String password = args[2];
        Path work = Path.of(args[3]);
        int count = Integer.parseInt(args[4]);
        long paceMs = Long.parseLong(args[5]);
        String database = args[6];

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        Thread watcher = new Thread(() -> watchArrivals(smtp), "arrivals");
        watcher.setDaemon(true);
        watcher.start();
        try {
            List<Long> smtpBaseline = smtpRoundTrips(smtp.getSmtp().getPort());
            List<Long> idleBaseline = idleNotifications(imapPort, user, password);

            Map<String, String> env = new HashMap<>();
            env.put("INTAKE_IMAP_URL", "imap://" + user.replace("@", "%40") + ":" + password + "@127.0.0.1:" + imapPort
                    + "/INBOX");
            env.put("INTAKE_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
            env.put("INTAKE_MAIL_FROM", user);
            env.put("INTAKE_DATA_DIR", work.resolve("data-" + database).toString());
            env.put("INTAKE_FORM_LIMIT_PER_ADDRESS", "1000000");
            if (database.equals("postgres")) {
                env.put("INTAKE_DB_URL", args[7]);
                env.put("INTAKE_DB_USER", "postgres");
            }
            int httpPort = freePort();
            env.put("INTAKE_HTTP_PORT", Integer.toString(httpPort));
            Process server = startServer(env, work.resolve("server-" + database + ".log"));
            try {
                awaitHealth(httpPort, server);
                CountDownLatch done = new CountDownLatch(2);
                Thread forms = new Thread(() -> paced(count, paceMs, i -> postForm(httpPort, i), done), "forms");
                Thread mails = new Thread(() -> paced(count, paceMs, i -> appendMail(imapPort, user, password, i), done),
                        "mails");
                forms.start();
                mails.start();
                done.await();
                if (failure != null) {
                    throw failure;
                }
                awaitAcknowledgements(2 * count, 60_000);
            } finally {
                server.destroy();
                server.waitFor(20, TimeUnit.SECONDS);
            }
            List<Long> form = latencies("form-");
            List<Long> email = latencies("mail-");
            report(database, count, form, email, smtpBaseline, idleBaseline);
        } finally {
            smtp.stop();
        }
    }

    // ---- the service's two channels

    static void postForm(int httpPort, int i) throws Exception {
        String address = "form-" + i + "@" + DOMAIN;
        String boundary = "bench" + UUID.randomUUID();
        Map<String, String> fields = Map.of(
                "fullName", "Иванова Мария Петровна",
                "email", address,
                "phone", "+7 912 345-67-" + String.format("%02d", i % 100),
                "category", "technical_problem",
                "subject", "Не приходит код подтверждения",
                "description", "Добрый день! Код подтверждения по SMS не приходит уже второй час, вход на портал "
                        + "невозможен. Прошу помочь. Заявка " + i + ".",
                "consent", "on");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/api/v1/submissions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("form " + i + ": " + response.statusCode() + " " + response.body());
        }
        handedOver.put(address, answered);
    }

    static void appendMail(int imapPort, String user, String password, int i) throws Exception {
        String address = "mail-" + i + "@" + DOMAIN;
        Store store = imap(imapPort, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            MimeMessage mail = new MimeMessage(SESSION);
            mail.setFrom(new InternetAddress(address, "Петров Иван", "UTF-8"));
            mail.setRecipients(Message.RecipientType.TO, user);
            mail.setSubject("Не могу записаться на приём " + i, "UTF-8");
            mail.setText("Здравствуйте! Третий день не могу записаться на приём через портал: после выбора времени "
                    + "страница зависает. Прошу помочь.\n\nС уважением,\nИван Петров", "UTF-8");
            mail.setSentDate(new java.util.Date());
            inbox.appendMessages(new Message[] {mail});
            handedOver.put(address, System.nanoTime());
        } finally {
            store.close();
        }
    }

    // ---- baselines

    /** One mail straight to the SMTP server, from the start of the send to its arrival. */
    static List<Long> smtpRoundTrips(int smtpPort) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(properties);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < BASELINE_ROUNDS; i++) {
            String address = "baseline-" + i + "@" + DOMAIN;
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom("support@localhost");
            mail.setRecipients(Message.RecipientType.TO, address);
            mail.setSubject("[№ 26-0000000-0] Ваше обращение принято", "UTF-8");
            mail.setText("Ваше обращение принято.", "UTF-8");
            long start = System.nanoTime();
            Transport.send(mail);
            times.add(awaitArrival(address, 10_000) - start);
        }
        return times;
    }

    /** APPEND on one connection to the IDLE notification on another, in a folder of its own. */
    static List<Long> idleNotifications(int imapPort, String user, String password) throws Exception {
        Store watching = imap(imapPort, user, password);
        Store appending = imap(imapPort, user, password);
        try {
            Folder created = appending.getFolder("Baseline");
            if (!created.exists()) {
                created.create(Folder.HOLDS_MESSAGES);
            }
            IMAPFolder folder = (IMAPFolder) watching.getFolder("Baseline");
            folder.open(Folder.READ_ONLY);
            var notified = new java.util.concurrent.LinkedBlockingQueue<Long>();
            folder.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    notified.add(System.nanoTime());
                }
            });
            Thread idler = new Thread(() -> {
                try {
                    while (folder.isOpen()) {
                        folder.idle(true);
                    }
                } catch (Exception closed) {
                    // the store was closed
                }
            }, "baseline-idle");
            idler.setDaemon(true);
            idler.start();
            Thread.sleep(500);
            Folder target = appending.getFolder("Baseline");
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < BASELINE_ROUNDS; i++) {
                MimeMessage mail = new MimeMessage(SESSION);
                mail.setFrom("baseline@" + DOMAIN);
                mail.setSubject("baseline " + i);
                mail.setText("baseline");
                target.appendMessages(new Message[] {mail});
                long appended = System.nanoTime();
                Long at = notified.poll(35, TimeUnit.SECONDS);
                if (at == null) {
                    throw new IllegalStateException("no IDLE notification within 35 s");
                }
                times.add(Math.max(0, at - appended));
                Thread.sleep(50);
            }
            return times;
        } finally {
            watching.close();
            appending.close();
        }
    }

    // ---- plumbing

    static volatile Exception failure;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Session SESSION = Session.getInstance(new Properties());

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs step 0..count-1, one every paceMs (not waiting longer when a step is slow). */
    static void paced(int count, long paceMs, Step step, CountDownLatch done) {
        try {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(paceMs * i);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                step.run(i);
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    static void watchArrivals(GreenMail smtp) {
        int seen = 0;
        while (true) {
            smtp.waitForIncomingEmail(100, seen + 1);
            MimeMessage[] received = smtp.getReceivedMessages();
            long now = System.nanoTime();
            for (int i = seen; i < received.length; i++) {
                try {
                    for (var to : received[i].getAllRecipients()) {
                        arrived.putIfAbsent(((InternetAddress) to).getAddress().toLowerCase(), now);
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
            seen = received.length;
        }
    }

    static long awaitArrival(String address, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            Long at = arrived.get(address);
            if (at != null) {
                return at;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("nothing arrived for " + address);
    }

    static void awaitAcknowledgements(int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline
                && handedOver.keySet().stream().filter(arrived::containsKey).count() < expected) {
            Thread.sleep(100);
        }
    }

    /** Milliseconds from hand-over to arrival for one channel; a missing acknowledgement stops the run. */
    static List<Long> latencies(String prefix) {
        List<Long> times = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        handedOver.forEach((address, at) -> {
            if (address.startsWith(prefix)) {
                Long arrival = arrived.get(address);
                if (arrival == null) {
                    missing.add(address);
                } else {
                    times.add(arrival - at);
                }
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " acknowledgements never arrived, e.g. " + missing.get(0));
        }
        return times;
    }

    static double percentileMs(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    static void report(String database, int count, List<Long> form, List<Long> email, List<Long> smtpBaseline,
                       List<Long> idleBaseline) {
        double smtp50 = percentileMs(smtpBaseline, 0.5);
        double idle50 = percentileMs(idleBaseline, 0.5);
        System.out.printf("baseline (%d each): SMTP send to arrival p50 %.1f ms, p95 %.1f ms; IMAP APPEND to IDLE "
                        + "notification p50 %.1f ms, p95 %.1f ms%n", BASELINE_ROUNDS, smtp50,
                percentileMs(smtpBaseline, 0.95), idle50, percentileMs(idleBaseline, 0.95));
        System.out.printf("%-9s %-6s %5s %9s %9s %9s %9s  %s%n", "database", "source", "count", "p50 ms", "p95 ms",
                "max ms", "p50 ratio", "goal");
        line(database, "form", form, smtp50, 2000);
        line(database, "email", email, idle50 + smtp50, 5000);
    }

    static void line(String database, String source, List<Long> times, double baselineMs, double goalMs) {
        double p95 = percentileMs(times, 0.95);
        System.out.printf("%-9s %-6s %5d %9.0f %9.0f %9.0f %9.1f  p95 < %.0f ms: %s%n", database, source, times.size(),
                percentileMs(times, 0.5), p95, percentileMs(times, 1.0), percentileMs(times, 0.5) / baselineMs, goalMs,
                p95 < goalMs ? "met" : "MISSED");
    }

    static Store imap(int port, String user, String password) throws Exception {
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", port, user, password);
        return store;
    }

    static Process startServer(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("intake-server", "target", "intake-server.jar").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("INTAKE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    static void awaitHealth(int port, Process server) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && server.isAlive()) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && !health.body().contains("\"down\"")) {
                    Thread.sleep(1000); // the IDLE watcher connects right after the start
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not come up; see its log");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
