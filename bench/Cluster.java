import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Two intake-server processes on one PostgreSQL database, one IMAP mailbox (Dovecot, started by bench/cluster.sh), one
 * SMTP server (GreenMail, here) and one shared file directory. Checks that a client's rate limit is not doubled by the
 * two nodes and that a file received on one node downloads from the other; then appends MAILS emails to the INBOX and
 * posts FORMS forms spread over both nodes, kills -9 the node that is polling the mailbox half-way, and counts what
 * became tickets and acknowledgements, and how long the surviving node took to take the mailbox over.
 *
 * Usage: java -cp intake-server.jar bench/Cluster.java IMAP_PORT USER PASSWORD WORK_DIR MAILS FORMS PG_URL
 */
public class Cluster {

    static final String DOMAIN = "bench.example";
    static final int PER_EMAIL = 5;
    static final String STAFF_LOGIN = "bench.admin";
    static final String STAFF_PASSWORD = "a long bench passphrase";
    static final String LEASE = "PT20S";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
    static final Session SESSION = Session.getInstance(new Properties());

    record Node(String name, int port, Process process, String instance) {
        boolean alive() {
            return process.isAlive();
        }
    }

    static String pgUrl;

    public static void main(String[] args) throws Exception {
        int imapPort = Integer.parseInt(args[0]);
        String user = args[1];
        String password = args[2];
        Path work = Path.of(args[3]);
        int mails = Integer.parseInt(args[4]);
        int forms = Integer.parseInt(args[5]);
        pgUrl = args[6];

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        List<Node> nodes = new ArrayList<>();
        try {
            Map<String, String> env = new HashMap<>();
            env.put("INTAKE_IMAP_URL", "imap://" + user.replace("@", "%40") + ":" + password + "@127.0.0.1:" + imapPort
                    + "/INBOX");
            env.put("INTAKE_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
            env.put("INTAKE_MAIL_FROM", user);
            env.put("INTAKE_DATA_DIR", work.resolve("shared").toString());
            env.put("INTAKE_DB_URL", pgUrl);
            env.put("INTAKE_DB_USER", "postgres");
            env.put("INTAKE_FORM_LIMIT_PER_ADDRESS", "1000000");
            env.put("INTAKE_FORM_LIMIT_PER_EMAIL", Integer.toString(PER_EMAIL));
            env.put("INTAKE_OUTBOX_LEASE", LEASE);
            for (String name : List.of("A", "B")) {
                Set<String> before = instances();
                int port = freePort();
                env.put("INTAKE_HTTP_PORT", Integer.toString(port));
                Process process = start(List.of("-jar", jar()), env, work.resolve("node-" + name + ".log"));
                awaitHealth(port, process);
                Set<String> after = instances();
                after.removeAll(before);
                nodes.add(new Node(name, port, process, after.stream().findFirst().orElse("?")));
                System.out.printf("node %s: http://127.0.0.1:%d/ (pid %d, Quartz instance %s)%n", name, port,
                        process.pid(), nodes.get(nodes.size() - 1).instance());
            }
            Process add = start(List.of("-jar", jar(), "staff", "add", "--login", STAFF_LOGIN, "--role", "admin"), env,
                    work.resolve("staff-add.log"));
            add.getOutputStream().write((STAFF_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            add.getOutputStream().close();
            if (add.waitFor() != 0) {
                throw new IllegalStateException("staff add failed; see " + work.resolve("staff-add.log"));
            }

            rateLimitAcrossNodes(nodes);
            fileFromTheOtherNode(nodes);
            run(nodes, imapPort, user, password, mails, forms, smtp);
        } finally {
            for (Node node : nodes) {
                node.process().destroy();
                node.process().waitFor(20, TimeUnit.SECONDS);
            }
            smtp.stop();
        }
    }

    // ---- rate limit and files

    static void rateLimitAcrossNodes(List<Node> nodes) throws Exception {
        int accepted = 0;
        int refused = 0;
        int posts = 2 * PER_EMAIL;
        for (int i = 0; i < posts; i++) {
            int status = postForm(nodes.get(i % 2), "limit@" + DOMAIN, UUID.randomUUID().toString(), null).statusCode();
            accepted += status == 201 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        System.out.printf("rate limit across nodes: %d posts for one email, alternating A and B (limit %d an hour): "
                        + "%d accepted, %d refused 429 -> allowance %s%n", posts, PER_EMAIL, accepted, refused,
                accepted == PER_EMAIL && refused == posts - PER_EMAIL ? "not doubled" : "DOUBLED OR WRONG");
    }

    static void fileFromTheOtherNode(List<Node> nodes) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            image.setRGB(x, x % 48, 0xC0FFEE + x);
        }
        ImageIO.write(image, "png", png);
        HttpResponse<String> posted = postForm(nodes.get(0), "file@" + DOMAIN, UUID.randomUUID().toString(),
                png.toByteArray());
        if (posted.statusCode() != 201) {
            throw new IllegalStateException("form with a file on node A: " + posted.statusCode() + " " + posted.body());
        }
        long id = number("select a.id from attachment a join message m on m.id = a.message_id "
                + "where m.sender_email = 'file@" + DOMAIN + "' and a.verdict = 'accepted'");
        HttpClient staff = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = staff.send(get(nodes.get(0), "/staff/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "csrfToken=" + csrf.group(1) + "&next=%2Fstaff&login=" + STAFF_LOGIN + "&password="
                + java.net.URLEncoder.encode(STAFF_PASSWORD, StandardCharsets.UTF_8);
        int signedIn = staff.send(HttpRequest.newBuilder(uri(nodes.get(0), "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin(nodes.get(0)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        HttpResponse<byte[]> download = staff.send(get(nodes.get(1), "/staff/files/" + id),
                HttpResponse.BodyHandlers.ofByteArray());
        boolean same = download.statusCode() == 200 && Arrays.equals(sha256(download.body()), sha256(png.toByteArray()));
        System.out.printf("file across nodes: a %d-byte PNG posted to node A, staff signed in on A (%d), downloaded "
                + "from node B: %d, %s%n", png.size(), signedIn, download.statusCode(), same ? "identical" : "DIFFERENT");
    }

    // ---- the two-node run with a kill -9

    static void run(List<Node> nodes, int imapPort, String user, String password, int mails, int forms, GreenMail smtp)
            throws Exception {
        long baselineTickets = number("select count(*) from ticket");
        int steps = Math.max(mails, forms);
        long paceMs = 50;
        Node killed = null;
        Node[] dead = new Node[1];
        Thread takeover = new Thread(() -> watchTakeover(smtp, dead[0].instance()), "takeover");
        takeover.setDaemon(true);
        Thread polls = new Thread(Cluster::watchPolls, "polls");
        polls.setDaemon(true);
        polls.start();
        long killedAt = 0;
        int formRetries = 0;
        System.out.printf("sending %d emails (IMAP APPEND) and %d form posts (API, alternating nodes, spread over the run), "
                + "one step every %d ms; node killed with -9 half-way, while it polls%n", mails, forms, paceMs);
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        Folder inbox = store.getFolder("INBOX");
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            long wait = start + TimeUnit.MILLISECONDS.toNanos(paceMs * i) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (i == steps / 2) {
                killed = killPoller(nodes);
                killedAt = System.nanoTime();
                System.out.printf("killed node %s (kill -9, pid %d) after %d steps at %d%n", killed.name(),
                        killed.process().pid(), i, System.currentTimeMillis());
                dead[0] = killed;
                takeover.start();
            }
            if (i < mails) {
                appendMail(inbox, i, user);
            }
            int every = Math.max(1, steps / Math.max(1, forms));
            if (i % every == 0 && i / every < forms) {
                int f = i / every;
                String token = UUID.randomUUID().toString();
                Node target = nodes.get(f % 2);
                for (int attempt = 0; ; attempt++) {
                    try {
                        HttpResponse<String> answer = postForm(target, "form-" + f + "@" + DOMAIN, token, null);
                        if (answer.statusCode() / 100 != 2) {
                            throw new IllegalStateException("form " + f + ": " + answer.statusCode() + " " + answer.body());
                        }
                        break;
                    } catch (IOException refused) {
                        // as a load balancer does: the same post, same token, to the other node
                        if (attempt > 3) {
                            throw refused;
                        }
                        formRetries++;
                        target = nodes.get(1 - nodes.indexOf(target));
                    }
                }
            }
        }
        store.close();
        long sentAt = System.nanoTime();
        Node survivor = nodes.get(1 - nodes.indexOf(killed));

        long expected = baselineTickets + mails + forms;
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline && (number("select count(*) from ticket") < expected
                || number(PENDING) > 0)) {
            Thread.sleep(500);
        }
        double drained = (System.nanoTime() - sentAt) / 1e9;

        // what arrived
        Map<String, Integer> ticketsBySender = counts("select requester_email, count(*) from ticket "
                + "where requester_email like '%-%@" + DOMAIN + "' group by requester_email");
        Map<String, Integer> acksByRecipient = new HashMap<>();
        Map<String, Integer> byMessageId = new HashMap<>();
        for (MimeMessage received : smtp.getReceivedMessages()) {
            for (Address to : received.getAllRecipients()) {
                String address = ((InternetAddress) to).getAddress().toLowerCase();
                if (address.matches("(mail|form)-\\d+@" + DOMAIN.replace(".", "\\."))) {
                    acksByRecipient.merge(address, 1, Integer::sum);
                }
            }
            byMessageId.merge(received.getMessageID(), 1, Integer::sum);
        }
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            sent.add("mail-" + i + "@" + DOMAIN);
        }
        for (int i = 0; i < forms; i++) {
            sent.add("form-" + i + "@" + DOMAIN);
        }
        long ticketed = sent.stream().filter(ticketsBySender::containsKey).count();
        long duplicates = ticketsBySender.values().stream().mapToLong(n -> n - 1).sum();
        long acknowledged = sent.stream().filter(acksByRecipient::containsKey).count();
        long sentTwice = acksByRecipient.values().stream().filter(n -> n > 1).count();
        long sameIdTwice = byMessageId.values().stream().filter(n -> n > 1).count();
        long lost = sent.size() - ticketed;
        long mailsLeft = number(PENDING);
        takeover.join(1000);
        sampling = false;

        System.out.println();
        System.out.printf("sent:                       %d (%d emails, %d form posts; %d posts retried on the other node)%n",
                sent.size(), mails, forms, formRetries);
        System.out.printf("tickets:                    %d%n", ticketed);
        System.out.printf("duplicate tickets:          %d%n", duplicates);
        System.out.printf("lost (no ticket):           %d%n", lost);
        System.out.printf("acknowledgements sent:      %d of %d (%d still in the outbox)%n", acknowledged, sent.size(),
                mailsLeft);
        System.out.printf("acknowledgements sent twice: %d (by Message-ID: %d)%n", sentTwice, sameIdTwice);
        System.out.printf("takeover:                   %s s from kill -9 of node %s to node %s taking in mail, %s s to "
                + "the first acknowledgement of a mail (goal 30 s)%n", seconds(killedAt, mailTakenAt), killed.name(),
                survivor.name(), seconds(killedAt, mailAcknowledgedAt));
        System.out.printf("Quartz recovery:            %s s until node %s's instance was recovered and dropped%n",
                seconds(killedAt, recoveredAt), killed.name());
        System.out.printf("one poller at a time:       sampled every 10 ms: a poll holding the mailbox's lock in %d "
                + "samples, two at once in %d; Quartz executing a poll trigger in %d, two at once in %d (IDLE nudges, "
                + "skipped by the lock)%n", lockedSamples, overlappingLocks, pollSamples, overlappingPolls);
        System.out.printf("drained:                    %.1f s after the last step, every ticket in and the outbox "
                + "empty (in-flight lease %s)%n", drained, LEASE);
    }

    /** Waits until a poll is executing on some node (Quartz's fired triggers) and kills that node with -9. */
    static Node killPoller(List<Node> nodes) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection db = DriverManager.getConnection(pgUrl, "postgres", "");
                 ResultSet row = db.createStatement().executeQuery("select instance_name from qrtz_fired_triggers "
                         + "where job_group = 'mail' and state = 'EXECUTING'")) {
                if (row.next()) {
                    String instance = row.getString(1);
                    for (Node node : nodes) {
                        if (node.instance().equals(instance)) {
                            node.process().destroyForcibly();
                            node.process().waitFor();
                            return node;
                        }
                    }
                }
            }
            Thread.sleep(5);
        }
        System.out.println("no poll seen executing within 20 s: killing node A");
        nodes.get(0).process().destroyForcibly();
        nodes.get(0).process().waitFor();
        return nodes.get(0);
    }

    static final String PENDING = "select count(*) from outbox where sent_at is null and failed_at is null";
    static volatile long mailTakenAt;
    static volatile long mailAcknowledgedAt;
    static volatile long recoveredAt;
    static volatile boolean sampling = true;
    static volatile int pollSamples;
    static volatile int overlappingPolls;
    static volatile int lockedSamples;
    static volatile int overlappingLocks;

    /** Samples Quartz's fired triggers all run long: never two polls of the mailbox executing at once. */
    static void watchPolls() {
        while (sampling) {
            try {
                long executing = number("select count(*) from qrtz_fired_triggers where job_group = 'mail' "
                        + "and state = 'EXECUTING'");
                long locked = number("select count(*) from pg_locks where locktype = 'advisory' and granted "
                        + "and classid = " + 0x1a7a_0001L);
                pollSamples += executing > 0 ? 1 : 0;
                overlappingPolls += executing > 1 ? 1 : 0;
                lockedSamples += locked > 0 ? 1 : 0;
                overlappingLocks += locked > 1 ? 1 : 0;
                if (executing > 1 && System.getenv("CLUSTER_DEBUG") != null) {
                    try (Connection db = DriverManager.getConnection(pgUrl, "postgres", "");
                         ResultSet rows = db.createStatement().executeQuery("select instance_name, trigger_name, "
                                 + "fired_time, sched_time, state, is_nonconcurrent from qrtz_fired_triggers "
                                 + "where job_group = 'mail'")) {
                        StringBuilder line = new StringBuilder("two polls at " + System.currentTimeMillis() + ":");
                        while (rows.next()) {
                            line.append(" [").append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ')
                                    .append(rows.getLong(3)).append(' ').append(rows.getString(5)).append(' ')
                                    .append(rows.getBoolean(6)).append(']');
                        }
                        System.out.println(line);
                    }
                }
                Thread.sleep(10);
            } catch (Exception e) {
                e.printStackTrace();
                return;
            }
        }
    }

    /**
     * From the kill on: when the first email is taken in (its message committed; the dead node commits nothing more),
     * and when the first acknowledgement of an email arrives that was not there at the kill.
     */
    static void watchTakeover(GreenMail smtp, String deadInstance) {
        try {
            long messages = number("select count(*) from message where channel = 'email'");
            long acknowledged = mailAcknowledgements(smtp);
            long deadline = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < deadline
                    && (mailTakenAt == 0 || mailAcknowledgedAt == 0 || recoveredAt == 0)) {
                if (recoveredAt == 0 && number("select count(*) from qrtz_scheduler_state where instance_name = '"
                        + deadInstance + "'") == 0) {
                    recoveredAt = System.nanoTime();
                }
                if (mailTakenAt == 0 && number("select count(*) from message where channel = 'email'") > messages) {
                    mailTakenAt = System.nanoTime();
                }
                if (mailAcknowledgedAt == 0 && mailAcknowledgements(smtp) > acknowledged) {
                    mailAcknowledgedAt = System.nanoTime();
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    static long mailAcknowledgements(GreenMail smtp) throws Exception {
        long count = 0;
        for (MimeMessage received : smtp.getReceivedMessages()) {
            for (Address to : received.getAllRecipients()) {
                count += ((InternetAddress) to).getAddress().startsWith("mail-") ? 1 : 0;
            }
        }
        return count;
    }

    static String seconds(long from, long to) {
        return to == 0 ? "NEVER (over 180)" : String.format("%.1f", (to - from) / 1e9);
    }

    // ---- plumbing

    static void appendMail(Folder inbox, int i, String user) throws Exception {
        MimeMessage mail = new MimeMessage(SESSION);
        mail.setFrom(new InternetAddress("mail-" + i + "@" + DOMAIN, "Петров Иван", "UTF-8"));
        mail.setRecipients(Message.RecipientType.TO, user);
        mail.setSubject("Не могу записаться на приём " + i, "UTF-8");
        mail.setText("Здравствуйте! Третий день не могу записаться на приём через портал: после выбора времени "
                + "страница зависает. Прошу помочь.\n\nС уважением,\nИван Петров", "UTF-8");
        mail.setSentDate(new java.util.Date());
        inbox.appendMessages(new Message[] {mail});
    }

    static HttpResponse<String> postForm(Node node, String email, String token, byte[] png) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fullName", "Иванова Мария Петровна");
        fields.put("email", email);
        fields.put("phone", "+7 912 345-67-89");
        fields.put("category", "technical_problem");
        fields.put("subject", "Не приходит код подтверждения");
        fields.put("description", "Добрый день! Код подтверждения по SMS не приходит уже второй час, вход на портал "
                + "невозможен. Прошу помочь.");
        fields.put("consent", "on");
        fields.put("submissionToken", token);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (png != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"screen.png\""
                    + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(png);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri(node, "/api/v1/submissions"))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(Node node, String path) {
        return URI.create(origin(node) + path);
    }

    static String origin(Node node) {
        return "http://127.0.0.1:" + node.port();
    }

    static HttpRequest get(Node node, String path) {
        return HttpRequest.newBuilder(uri(node, path)).build();
    }

    static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    static long number(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(pgUrl, "postgres", "");
             ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static Map<String, Integer> counts(String sql) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection(pgUrl, "postgres", "");
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    static Set<String> instances() throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection db = DriverManager.getConnection(pgUrl, "postgres", "")) {
            if (!db.getMetaData().getTables(null, null, "qrtz_scheduler_state", null).next()) {
                return names;
            }
            try (ResultSet rows = db.createStatement().executeQuery("select instance_name from qrtz_scheduler_state")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    static String jar() {
        return Path.of("intake-server", "target", "intake-server.jar").toAbsolutePath().toString();
    }

    static Process start(List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("INTAKE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    static void awaitHealth(int port, Process server) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline && server.isAlive()) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && !health.body().contains("\"down\"")) {
                    Thread.sleep(1000);
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("a node did not come up; see its log");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
