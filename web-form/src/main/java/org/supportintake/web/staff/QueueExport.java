package org.supportintake.web.staff;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.queue.QueueCursor;
import org.supportintake.core.queue.QueuePage;
import org.supportintake.core.queue.QueueRow;
import org.supportintake.core.queue.TicketQueue;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

/**
 * {@code /staff/export.csv}: every ticket of the queue's current filter (the page and its cursor aside), for
 * supervisors and admins. UTF-8 with a byte order mark, so Excel reads Cyrillic; semicolons, as Russian Excel expects;
 * times as {@code 03.12.2026 14:17:05}, which it takes for dates;
 * written a page at a time, so a large export holds one page in memory.
 */
final class QueueExport extends HttpServlet {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> HEADINGS = List.of("Номер", "Получено (мск)", "Канал", "Категория", "Приоритет",
            "Статус", "Исполнитель", "Срок ответа (мск)", "Просрочено", "Срок на исходе", "Повторное",
            "Письмо не доставлено");

    private final transient TicketQueue queue;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient ErrorPages errors;
    private final transient Clock clock;

    QueueExport(TicketQueue queue, AuditTrail audit, StaffPages pages, ErrorPages errors, Clock clock) {
        this.queue = queue;
        this.audit = audit;
        this.pages = pages;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.EXPORT_CSV)) {
            return;
        }
        StaffMember member = StaffRequest.member(request);
        QueueParameters.Outcome asked = QueueParameters.read(name -> name.equals("after") || name.equals("limit")
                ? null : request.getParameter(name), member);
        if (asked instanceof QueueParameters.Invalid invalid) {
            errors.write(request, response, new Problem(400, "bad_request", "Неверный фильтр", invalid.message()));
            return;
        }
        var filter = ((QueueParameters.Valid) asked).filter();
        // Recorded before the first byte: an export the client breaks off has still been taken.
        audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request),
                AuditAction.EXPORT_CSV, "", filter.describe()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), SlaCalendar.MOSCOW);
        response.setStatus(200);
        response.setContentType("text/csv;charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"queue-" + today + ".csv\"");
        response.getOutputStream().write(BOM);
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvRow.of(HEADINGS));
        Optional<QueueCursor> after = Optional.empty();
        do {
            QueuePage page = queue.find(filter, after, TicketQueue.MAX_LIMIT);
            for (QueueRow row : page.rows()) {
                out.write(CsvRow.of(line(row)));
            }
            out.flush();
            after = page.next();
        } while (after.isPresent());
        out.flush();
    }

    private static List<String> line(QueueRow row) {
        // StaffTime's «03.12.2026 14:17:05» is what Excel in Russian reads as a date, so the columns sort as dates; the
        // zone is in the heading
        return List.of(row.number().toString(), StaffTime.format(row.created()),
                Words.channelShort(row.channel()), Words.category(row.category()),
                Words.priority(row.priority()), row.status().title(), row.assignee().orElse(""),
                StaffTime.format(row.dueAt()), yes(row.overdue()), yes(row.atRisk()),
                yes(row.repeatRequest()), yes(row.ackFailed()));
    }

    private static String yes(boolean value) {
        return value ? "да" : "нет";
    }
}
