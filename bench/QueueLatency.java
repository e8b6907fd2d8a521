import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.ticket.TicketNumber;

/**
 * The staff queue's answer time with COUNT tickets on PostgreSQL, measured from outside: the schema is migrated, then
 * filled with COPY (a realistic spread of statuses, categories, due times and flags, one Russian message per ticket;
 * the secondary indexes are dropped for the load and built again from their own definitions), then the intake-server
 * jar runs as its own process on a free port and a signed-in client (a staff_account row and a session opened as the
 * login page would) opens {@code /staff} with each view ROUNDS times. Baseline in the same run: {@code select 1}
 * round trips over JDBC.
 *
 * Usage: java -cp intake-server.jar bench/QueueLatency.java PG_URL SCHEMA COUNT ROUNDS WORK_DIR
 */
public class QueueLatency {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int BATCH = 50_000;
    /** Requests per view before the measured ones: the server's code paths compiled, its caches warm. */
    static final int WARM_UP = 5;
    static final String[] CATEGORIES = {"technical_problem", "functionality_question", "service_error", "complaint",
            "suggestion", "information_request"};
    static final String[] SUBJECTS = {"Не открывается личный кабинет", "Ошибка при оплате госпошлины",
            "Не пришло уведомление", "Вопрос по записи на приём", "Жалоба на сроки рассмотрения",
            "Не могу загрузить документы", "Предложение по работе портала", "Запрос справки о статусе заявления",
            "Ошибка в данных заявления", "Не работает вход через Госуслуги", "Повторное обращение",
            "Не отображается история обращений"};
    static final String[] SENTENCES = {"Добрый день.", "Здравствуйте!", "Прошу помочь разобраться.",
            "После ввода пароля страница личного кабинета не загружается.", "Оплата прошла, но статус не изменился.",
            "Квитанция об оплате госпошлины не сформировалась.", "Уведомление на почту так и не пришло.",
            "Запись на приём недоступна уже третий день.", "Файл в формате PDF не загружается, появляется ошибка.",
            "В заявлении неверно указана дата рождения.", "Срок рассмотрения моего заявления давно истёк.",
            "Прошу сообщить, на каком этапе моё заявление.", "Сотрудник по телефону не смог ответить.",
            "Предлагаю добавить возможность отменить запись.", "Портал выдаёт ошибку 500 при отправке формы.",
            "Код подтверждения по СМС не приходит.", "Не могу изменить адрес электронной почты в профиле.",
            "Справка нужна для предоставления по месту работы.", "Благодарю за помощь.", "Жду ответа.",
            "Пишу повторно, ответа не получил.", "Электронная подпись не принимается системой.",
            "Выписка из реестра содержит ошибку в фамилии.", "Прошу перенести приём на другую дату.",
            "Не удаётся прикрепить скан паспорта.", "Платёж списан дважды, прошу вернуть деньги."};

    public static void main(String[] args) throws Exception {
        String pgUrl = args[0];
        String schema = args[1];
        int count = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        try (Connection admin = DriverManager.getConnection(pgUrl, "postgres", "")) {
            admin.createStatement().execute("drop schema if exists " + schema + " cascade");
            admin.createStatement().execute("create schema " + schema);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        Database.migrate(dataSource);

        long fillStart = System.nanoTime();
        Samples samples;
        try (Connection db = dataSource.getConnection()) {
            samples = fill(db, count, now);
        }
        System.out.printf("filled %,d tickets and messages in %.0f s%n", count, (System.nanoTime() - fillStart) / 1e9);

        Jdbi jdbi = Database.jdbi(dataSource);
        long accountId = jdbi.withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                        + "created_at) values ('bench.operator', 'operator', 'unused', now())")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        String cookie = new JdbcStaffSessions(jdbi, Clock.systemUTC(), Duration.ofHours(2))
                .open(new StaffMember(accountId, "bench.operator", Role.OPERATOR));

        List<Long> baseline = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement select = db.createStatement()) {
            for (int i = 0; i < rounds + 5; i++) {
                long start = System.nanoTime();
                try (ResultSet one = select.executeQuery("select 1")) {
                    one.next();
                }
                if (i >= 5) {
                    baseline.add(System.nanoTime() - start);
                }
            }
        }

        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("INTAKE_DB_URL", url);
        env.put("INTAKE_DB_USER", "postgres");
        env.put("INTAKE_HTTP_PORT", Integer.toString(port));
        env.put("INTAKE_DATA_DIR", work.resolve("data").toString());
        // No mail in this benchmark: both point at a closed local port, so no demo mail server is started.
        env.put("INTAKE_IMAP_URL", "imap://bench:bench@127.0.0.1:9/INBOX");
        env.put("INTAKE_SMTP_URL", "smtp://127.0.0.1:9");
        env.put("INTAKE_MAIL_FROM", "support@bench.example");
        Process server = startServer(env, work.resolve("server.log"));
        Map<String, List<Long>> results = new LinkedHashMap<>();
        try {
            awaitServer(port, server);
            Map<String, List<String>> views = new LinkedHashMap<>();
            views.put("default view (open tickets)", repeat("/staff", rounds));
            views.put("status + category", repeat("/staff?status=in_progress&category=complaint", rounds));
            views.put("overdue flag", repeat("/staff?flag=overdue", rounds));
            views.put("number search", samples.numbers().stream().limit(rounds)
                    .map(n -> "/staff?q=" + URLEncoder.encode(n.replace("-", " "), StandardCharsets.UTF_8)).toList());
            views.put("email search", samples.emails().stream().limit(rounds)
                    .map(e -> "/staff?q=" + URLEncoder.encode(e.toUpperCase(), StandardCharsets.UTF_8)).toList());
            views.put("words search", repeat("/staff?q=" + URLEncoder.encode("квитанция госпошлины",
                    StandardCharsets.UTF_8), rounds));
            views.put("words + status + category", repeat("/staff?status=closed&category=service_error&q="
                    + URLEncoder.encode("ошибку в фамилии", StandardCharsets.UTF_8), rounds));
            for (var view : views.entrySet()) {
                for (int i = 0; i < WARM_UP; i++) {
                    get(port, cookie, view.getValue().get(view.getValue().size() - 1 - i)); // unmeasured
                }
                List<Long> times = new ArrayList<>();
                for (String path : view.getValue()) {
                    long start = System.nanoTime();
                    String page = get(port, cookie, path);
                    times.add(System.nanoTime() - start);
                    if (!page.contains("<table") && !page.contains("обращений нет")) {
                        throw new IllegalStateException("not a queue page for " + path);
                    }
                }
                results.put(view.getKey(), times);
            }
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }

        double base = ms(baseline, 0.5);
        System.out.printf("%,d tickets; %d requests per view, one at a time; baseline select 1 over JDBC: median %.2f ms, "
                + "p95 %.2f ms%n", count, rounds, base, ms(baseline, 0.95));
        System.out.printf("matches: words «квитанция госпошлины» %,d tickets; open %,d; overdue %,d%n",
                samples.wordMatches(), samples.open(), samples.overdue());
        System.out.println("| view | median ms | p95 ms | median ÷ select 1 | goal 200 ms |");
        System.out.println("|---|---|---|---|---|");
        for (var result : results.entrySet()) {
            double p95 = ms(result.getValue(), 0.95);
            System.out.printf("| %s | %.1f | %.1f | %.0f | %s |%n", result.getKey(), ms(result.getValue(), 0.5), p95,
                    ms(result.getValue(), 0.5) / base, p95 < 200 ? "met" : "MISSED");
        }
    }

    /** What the searches look for, and how many tickets match what. */
    record Samples(List<String> numbers, List<String> emails, long wordMatches, long open, long overdue) {
    }

    static Samples fill(Connection db, int count, Instant now) throws Exception {
        Statement sql = db.createStatement();
        List<String> indexes = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select indexname, indexdef from pg_indexes where schemaname = "
                + "current_schema() and tablename in ('ticket', 'message') and indexdef not like '%UNIQUE%'")) {
            while (rows.next()) {
                indexes.add(rows.getString(2));
                sql.addBatch("drop index " + rows.getString(1));
            }
        }
        sql.executeBatch();
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(20261203L);
        List<String> numbers = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        long open = 0;
        long overdue = 0;
        long wordMatches = 0;
        for (int from = 1; from <= count; from += BATCH) {
            StringBuilder tickets = new StringBuilder(BATCH * 300);
            StringBuilder messages = new StringBuilder(BATCH * 500);
            for (int id = from; id < Math.min(from + BATCH, count + 1); id++) {
                Ticket t = ticket(id, count, now, random);
                open += t.open() ? 1 : 0;
                overdue += t.overdue() ? 1 : 0;
                wordMatches += t.body().contains("Квитанция об оплате госпошлины") ? 1 : 0;
                if (id % (count / 50 + 1) == 7) {
                    numbers.add(t.number());
                    emails.add(t.email());
                }
                tickets.append(id).append(',').append(t.number()).append(',').append(t.channel()).append(',')
                        .append(t.status()).append(',').append(t.priority()).append(',').append(t.category())
                        .append(",\"").append(t.subject()).append("\",").append(t.email()).append(",\"Иванов Иван\",\"")
                        .append(t.phone()).append("\",\"\",").append(t.created()).append(',').append(t.due()).append(',')
                        .append(t.atRiskFrom()).append(",97200,").append(t.overdue()).append(',').append(t.atRisk())
                        .append(',').append(t.repeat()).append(',').append(t.ackFailed()).append(',')
                        .append(t.answered()).append(',').append(t.assignee()).append('\n');
                messages.append(id).append(',').append(id).append(",bench-").append(id).append('@').append(t.channel())
                        .append(',').append(t.channel()).append(",in,").append(t.created()).append(',').append(t.email())
                        .append(",\"Иванов Иван\",\"").append(t.subject()).append("\",\"").append(t.body())
                        .append("\",,,,,\n");
            }
            copy.copyIn("copy ticket (id, number, channel, status, priority, category, title, requester_email, "
                    + "requester_name, requester_phone, callback_time, created_at, due_at, at_risk_from, allowed_seconds, "
                    + "overdue, at_risk, repeat_request, ack_failed, answered, assignee) from stdin (format csv)",
                    new StringReader(tickets.toString()));
            copy.copyIn("copy message (id, ticket_id, external_id, channel, direction, received_at, sender_email, "
                    + "sender_name, subject, body, quoted, message_id, in_reply_to, reference_ids, raw_sha256) from stdin "
                    + "(format csv, force_not_null (quoted, message_id, in_reply_to, reference_ids, raw_sha256))",
                    new StringReader(messages.toString()));
        }
        sql.execute("alter table ticket alter column id restart with " + (count + 1));
        sql.execute("alter table message alter column id restart with " + (count + 1));
        sql.execute("select setval('ticket_serial', " + (count + 1) + ")");
        sql.execute("set maintenance_work_mem = '256MB'");
        for (String index : indexes) {
            sql.execute(index);
        }
        sql.execute("analyze ticket");
        sql.execute("analyze message");
        Collections.shuffle(numbers, new java.util.Random(1));
        Collections.shuffle(emails, new java.util.Random(2));
        return new Samples(numbers, emails, wordMatches, open, overdue);
    }

    record Ticket(String number, String channel, String status, String priority, String category, String subject,
                  String body, String email, String phone, OffsetDateTime created, OffsetDateTime due,
                  OffsetDateTime atRiskFrom, boolean overdue, boolean atRisk, boolean repeat, boolean ackFailed,
                  boolean answered, String assignee) {

        boolean open() {
            return status.equals("accepted") || status.equals("in_progress") || status.equals("waiting_for_citizen");
        }
    }

    /**
     * Ticket {@code id} of {@code count}: received over three years, older first; the last 3% still open (received in
     * the last three weeks, a tenth of them overdue), the 5% before them resolved, the rest closed.
     */
    static Ticket ticket(int id, int count, Instant now, SplittableRandom random) {
        double age = 1.0 - (double) id / count; // 0 = newest
        String status;
        Instant created;
        if (age < 0.03) {
            double pick = random.nextDouble();
            status = pick < 0.35 ? "accepted" : pick < 0.85 ? "in_progress" : "waiting_for_citizen";
            created = now.minusSeconds((long) (age / 0.03 * 21 * 86_400));
        } else {
            status = age < 0.08 ? "resolved" : "closed";
            created = now.minusSeconds(21 * 86_400 + (long) (age * 3 * 365 * 86_400));
        }
        created = created.minusSeconds(random.nextInt(3600));
        Instant due = created.plusSeconds(86_400 * (1 + random.nextInt(5)) + random.nextInt(86_400));
        Instant atRiskFrom = due.minusSeconds(6 * 3600);
        boolean open = status.equals("accepted") || status.equals("in_progress");
        boolean overdue = open && due.isBefore(now) || !open && random.nextDouble() < 0.04;
        boolean atRisk = overdue || open && atRiskFrom.isBefore(now);
        boolean answered = !open;
        String channel = random.nextDouble() < 0.6 ? "form" : "email";
        String priority = random.nextDouble() < 0.1 ? "high" : random.nextDouble() < 0.85 ? "normal" : "low";
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        StringBuilder body = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            body.append(i == 0 ? "" : " ").append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        long person = random.nextInt(Math.max(1, count / 4));
        String email = (random.nextBoolean() ? "User" : "user") + person + "@example.ru";
        String phone = channel.equals("form") ? "+7912" + String.format("%07d", person % 10_000_000) : "";
        String assignee = status.equals("accepted") ? "" : "operator" + random.nextInt(40);
        return new Ticket(TicketNumber.of(23 + (int) ((1 - age) * 3.99), id).toString(), channel, status, priority,
                category, subject, body.toString(), email, phone, created.atOffset(ZoneOffset.UTC),
                due.atOffset(ZoneOffset.UTC), atRiskFrom.atOffset(ZoneOffset.UTC), overdue, atRisk,
                random.nextDouble() < 0.05, random.nextDouble() < 0.002, answered, assignee);
    }

    static List<String> repeat(String path, int times) {
        return Collections.nCopies(times, path);
    }

    static String get(int port, String cookie, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", "staff_session=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    static double ms(List<Long> nanos, double quantile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    static Process startServer(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("intake-server", "target", "intake-server.jar").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("INTAKE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Until the server answers at all: its health is «down» here, as it has no mailbox to reach. */
    static void awaitServer(int port, Process server) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && server.isAlive()) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the server did not come up; see its log");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
