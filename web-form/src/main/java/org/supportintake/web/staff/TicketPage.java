package org.supportintake.web.staff;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.work.TicketFile;
import org.supportintake.core.work.TicketFiles;
import org.supportintake.core.work.WorkOutcome;

/**
 * {@code /staff/tickets/{number}}: the ticket as staff work it (every look audited), and its action forms, which post to
 * {@code /staff/tickets/{number}/{action}}. A move done goes back to the page (Post/Redirect/Get) with a notice; a form
 * with errors is shown again with them beside its fields, what was typed kept, and nothing moved.
 */
public final class TicketPage extends HttpServlet {

    static final String PATH = "/staff/tickets/";

    private final transient TicketFiles files;
    private final transient TicketMoves moves;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient Clock clock;

    TicketPage(TicketFiles files, TicketMoves moves, AuditTrail audit, StaffPages pages, Clock clock) {
        this.files = files;
        this.moves = moves;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        Optional<TicketNumber> number = parts.length == 1 ? TicketNumber.parse(parts[0]) : Optional.empty();
        Optional<String> notice = Optional.ofNullable(request.getParameter("done")).flatMap(TicketAction::noticeFor);
        show(request, response, number, 200, notice, List.of(), Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String[] parts = parts(request);
        Optional<TicketNumber> number = parts.length == 2 ? TicketNumber.parse(parts[0]) : Optional.empty();
        Optional<TicketAction> action = parts.length == 2 ? TicketAction.byPath(parts[1]) : Optional.empty();
        if (number.isEmpty() || action.isEmpty()) {
            notFound(request, response);
            return;
        }
        if (action.get() == TicketAction.EXTEND && !pages.allowed(request, response, Permission.EXTEND_DUE)) {
            return;
        }
        if (StaffRequest.staleForm(request)) {
            show(request, response, number, 403, Optional.empty(), List.of(stale(action.get())), kept(request, action.get()));
            return;
        }
        StaffMember member = StaffRequest.member(request);
        TicketMoves.Result result = moves.make(action.get(), number.get(), member.login(), field -> value(request, field));
        if (result instanceof TicketMoves.Invalid invalid) {
            show(request, response, number, 422, Optional.empty(), invalid.errors(), kept(request, action.get()));
        } else if (result instanceof TicketMoves.Moved moved && moved.outcome() instanceof WorkOutcome.NotAllowed refused) {
            show(request, response, number, 409, Optional.empty(), List.of(new FieldError("actions", refused.reason())),
                    kept(request, action.get()));
        } else if (result instanceof TicketMoves.Moved moved && moved.outcome() instanceof WorkOutcome.NotFound) {
            notFound(request, response);
        } else {
            StaffPages.seeOther(response, PATH + number.get() + "?done=" + action.get().done());
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Optional<TicketNumber> number, int status,
                      Optional<String> notice, List<FieldError> errors, Map<String, String> kept) throws IOException {
        Optional<TicketFile> file = number.flatMap(files::find);
        if (file.isEmpty()) {
            notFound(request, response);
            return;
        }
        StaffMember member = StaffRequest.member(request);
        audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request), AuditAction.VIEW_TICKET,
                number.get().toString(), "ticket page"));
        pages.html(request, response, status, "staff-ticket", "queue",
                TicketView.of(file.get(), member, notice, errors, kept));
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.notFound(request, response, "Обращение не найдено",
                "Обращения с таким номером нет. Проверьте номер: например, 26-0004217-9.");
    }

    /** The refusal of a form sent with an old token, beside its first kept field (the text typed), else the actions. */
    private static FieldError stale(TicketAction action) {
        List<String> fields = TicketMoves.KEPT.getOrDefault(action, List.of());
        return new FieldError(fields.isEmpty() ? "actions" : fields.get(0), fields.isEmpty()
                ? "Страница была открыта до нового входа, поэтому действие не выполнено. Повторите его."
                : "Страница была открыта до нового входа, поэтому действие не выполнено. Введённое сохранено в "
                        + "форме: проверьте его и отправьте снова.");
    }

    private static Map<String, String> kept(HttpServletRequest request, TicketAction action) {
        Map<String, String> kept = new LinkedHashMap<>();
        TicketMoves.KEPT.getOrDefault(action, List.of()).forEach(field -> kept.put(field, value(request, field)));
        return kept;
    }

    private static String[] parts(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? new String[0] : path.substring(1).split("/", -1);
    }

    private static String value(HttpServletRequest request, String field) {
        String value = request.getParameter(field);
        return value == null ? "" : value;
    }
}
