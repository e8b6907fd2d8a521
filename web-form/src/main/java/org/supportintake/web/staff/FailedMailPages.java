package org.supportintake.web.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.quarantine.Quarantine;
import org.supportintake.core.quarantine.ReplayOutcome;
import org.supportintake.core.quarantine.SetAsideDesk;
import org.supportintake.core.quarantine.SetAsideMail;
import org.supportintake.core.quarantine.SetAsideState;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;

/**
 * {@code /staff/failed}: mail set aside, its raw text (escaped, capped) and {@code .eml} download, replay and delete
 * (Post/Redirect/Get, the outcome shown on the mail's page). Every look and move is audited.
 */
final class FailedMailPages extends HttpServlet {

    static final int PAGE = 50;
    /** How much of a raw message the page shows; the download has it all. */
    static final int SHOWN_CHARS = 100_000;
    private static final Pattern MAIL = Pattern.compile("/(\\d{1,18})(/raw|/replay|/delete)?");

    private final transient SetAsideDesk desk;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient Clock clock;

    FailedMailPages(SetAsideDesk desk, AuditTrail audit, StaffPages pages, Clock clock) {
        this.desk = desk;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.WORK_TICKETS)) {
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/")) {
            list(request, response);
            return;
        }
        Matcher matcher = MAIL.matcher(path);
        Optional<SetAsideMail> mail = matcher.matches() && !"/replay".equals(matcher.group(2))
                && !"/delete".equals(matcher.group(2)) ? desk.find(Long.parseLong(matcher.group(1))) : Optional.empty();
        if (mail.isEmpty()) {
            notFound(request, response);
        } else if ("/raw".equals(matcher.group(2))) {
            download(request, response, mail.get());
        } else {
            show(request, response, mail.get());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher matcher = MAIL.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!matcher.matches() || matcher.group(2) == null || "/raw".equals(matcher.group(2))) {
            notFound(request, response);
            return;
        }
        long id = Long.parseLong(matcher.group(1));
        if ("/replay".equals(matcher.group(2))) {
            replay(request, response, id);
        } else {
            delete(request, response, id);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> before = cursor(request.getParameter("before"));
        Quarantine.Page page = desk.page(before, PAGE);
        record(request, AuditAction.VIEW_SET_ASIDE, "", "список отложенных писем");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SetAsideMail mail : page.mails()) {
            rows.add(Map.of("id", mail.id(), "time", StaffTime.format(mail.setAsideAt()),
                    "sender", mail.mail().sender(), "subject", mail.mail().subject(), "reason", mail.mail().reason(),
                    "size", size(mail.mail().sizeBytes()), "state", mail.state().title(),
                    "waiting", mail.state() == SetAsideState.WAITING));
        }
        Map<String, Object> context = new HashMap<>();
        context.put("title", "Отложенные письма");
        context.put("mails", rows);
        context.put("empty", rows.isEmpty());
        page.next().ifPresent(next -> context.put("next", "/staff/failed?before=" + next));
        context.put("notFirst", before.isPresent());
        pages.html(request, response, 200, "staff-failed", "failed", context);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, SetAsideMail mail) throws IOException {
        record(request, AuditAction.VIEW_SET_ASIDE, "", "отложенное письмо " + mail.id());
        Map<String, Object> context = new HashMap<>();
        context.put("id", mail.id());
        context.put("time", StaffTime.format(mail.setAsideAt()));
        context.put("received", StaffTime.format(mail.mail().receivedAt()));
        context.put("mailbox", mail.mail().mailbox());
        context.put("externalId", mail.mail().externalId());
        context.put("sender", mail.mail().sender());
        context.put("subject", mail.mail().subject());
        context.put("size", size(mail.mail().sizeBytes()));
        context.put("reason", mail.mail().reason());
        context.put("state", mail.state().title());
        context.put("replayOutcome", mail.replayOutcome());
        context.put("handledBy", mail.handledBy());
        mail.handledAt().ifPresent(at -> context.put("handledAt", StaffTime.format(at)));
        boolean deleted = mail.state() == SetAsideState.DELETED;
        context.put("mayReplay", !deleted);
        context.put("mayDelete", !deleted && StaffRequest.member(request).may(Permission.DELETE_SET_ASIDE));
        String done = request.getParameter("done");
        context.put("doneReplay", "replay".equals(done) && !mail.replayOutcome().isEmpty());
        context.put("doneDelete", "delete".equals(done) && deleted);
        Optional<String> notice = "replay".equals(done) && !mail.replayOutcome().isEmpty()
                ? Optional.of("Письмо обработано повторно") : "delete".equals(done) && deleted
                ? Optional.of("Письмо удалено") : Optional.empty();
        context.put("title", PageTitle.of("Отложенное письмо " + mail.id(), false, notice));
        Optional<Path> raw = desk.rawFile(mail);
        if (raw.isPresent()) {
            RawText text = rawText(raw.get());
            context.put("raw", text.text());
            context.put("rawCut", text.cut());
            context.put("shownChars", String.format("%,d", SHOWN_CHARS).replace(',', '\u00a0'));
        } else {
            context.put("noRaw", true);
        }
        pages.html(request, response, 200, "staff-failed-mail", "failed", context);
    }

    private void download(HttpServletRequest request, HttpServletResponse response, SetAsideMail mail)
            throws IOException {
        Optional<Path> raw = desk.rawFile(mail);
        if (raw.isEmpty()) {
            notFound(request, response);
            return;
        }
        record(request, AuditAction.DOWNLOAD_SET_ASIDE, "", "отложенное письмо " + mail.id());
        response.setStatus(200);
        response.setContentType("message/rfc822");
        response.setHeader("Content-Disposition", "attachment; filename=\"set-aside-" + mail.id() + ".eml\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(Files.size(raw.get()));
        try (InputStream in = Files.newInputStream(raw.get()); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        if (!pages.allowed(request, response, Permission.WORK_TICKETS)) {
            return;
        }
        StaffMember member = StaffRequest.member(request);
        Optional<ReplayOutcome> outcome = desk.replay(id, member.login());
        if (outcome.isEmpty()) {
            notFound(request, response);
            return;
        }
        record(request, AuditAction.REPLAY_SET_ASIDE, ticketOf(outcome.get()),
                "отложенное письмо " + id + ": " + auditOutcome(outcome.get()));
        StaffPages.seeOther(response, "/staff/failed/" + id + "?done=replay");
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        if (!pages.allowed(request, response, Permission.DELETE_SET_ASIDE)) {
            return;
        }
        if (!desk.delete(id, StaffRequest.member(request).login())) {
            notFound(request, response);
            return;
        }
        record(request, AuditAction.DELETE_SET_ASIDE, "", "отложенное письмо " + id);
        StaffPages.seeOther(response, "/staff/failed/" + id + "?done=delete");
    }

    private void record(HttpServletRequest request, AuditAction action, String ticket, String what) {
        audit.record(new AuditEntry(clock.instant(), StaffRequest.member(request).login(), StaffRequest.address(request),
                action, ticket, what));
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.notFound(request, response, "Письмо не найдено",
                "Такого отложенного письма нет или оно уже удалено. Вернитесь к списку отложенных писем.");
    }

    /**
     * The outcome in the audit's words, without the ticket number (it has its own column, and the audit's masking
     * would take a number of seven digits and more for a phone).
     */
    private static String auditOutcome(ReplayOutcome outcome) {
        if (outcome instanceof ReplayOutcome.Created) {
            return "создано обращение";
        }
        if (outcome instanceof ReplayOutcome.FollowUp) {
            return "дополнение к обращению";
        }
        if (outcome instanceof ReplayOutcome.Duplicate) {
            return "уже было принято";
        }
        if (outcome instanceof ReplayOutcome.Ignored ignored) {
            return "без обращения (" + ignored.reason() + ")";
        }
        if (outcome instanceof ReplayOutcome.SetAsideAgain) {
            return "снова отложено";
        }
        return outcome instanceof ReplayOutcome.TryLater ? "временная ошибка" : "исходное письмо не сохранено";
    }

    private static String ticketOf(ReplayOutcome outcome) {
        if (outcome instanceof ReplayOutcome.Created created) {
            return created.ticketNumber().toString();
        }
        if (outcome instanceof ReplayOutcome.FollowUp followUp) {
            return followUp.ticketNumber().toString();
        }
        return outcome instanceof ReplayOutcome.Duplicate duplicate ? duplicate.ticketNumber().toString() : "";
    }

    /** The start of a raw message as text: undecodable bytes replaced, never interpreted. */
    private static RawText rawText(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buffer = new char[SHOWN_CHARS + 1];
            int read = 0;
            for (int n = 0; read < buffer.length && (n = reader.read(buffer, read, buffer.length - read)) >= 0; ) {
                read += n;
            }
            boolean cut = read > SHOWN_CHARS;
            return new RawText(new String(buffer, 0, Math.min(read, SHOWN_CHARS)), cut);
        }
    }

    private record RawText(String text, boolean cut) {
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " Б";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " КБ";
        }
        return String.format(java.util.Locale.ROOT, "%.1f МБ", bytes / (1024.0 * 1024)).replace('.', ',');
    }

    static Optional<Long> cursor(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
