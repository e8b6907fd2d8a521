package org.supportintake.web.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.work.TicketWork;
import org.supportintake.core.work.WorkOutcome;

/**
 * Reads one action form of the ticket page and makes its move through {@link TicketWork}: a field that cannot be used
 * is reported beside it, and nothing moves.
 */
final class TicketMoves {

    /** The longest text a reply may have: it goes into one mail. */
    static final int MAX_TEXT = 20_000;

    private final TicketWork work;

    TicketMoves(TicketWork work) {
        this.work = work;
    }

    /** What a post came to. */
    sealed interface Result {
    }

    record Moved(WorkOutcome outcome) implements Result {
    }

    record Invalid(List<FieldError> errors) implements Result {
    }

    /** {@code form} holds the posted fields (missing ones empty). */
    Result make(TicketAction action, TicketNumber number, String staff, Function<String, String> form) {
        return switch (action) {
            case TAKE -> new Moved(work.take(number, staff));
            case CLOSE -> new Moved(work.close(number, staff));
            case SPAM -> new Moved(work.markNotARequest(number, staff));
            case ASK -> text(form, "ask-text")
                    .<Result>map(text -> new Moved(work.ask(number, staff, text))).orElseGet(() -> invalid(form,
                            "ask-text", "Введите вопрос гражданину."));
            case RESOLVE -> text(form, "resolve-text")
                    .<Result>map(text -> new Moved(work.resolve(number, staff, text))).orElseGet(() -> invalid(form,
                            "resolve-text", "Введите ответ гражданину."));
            case EXTEND -> extend(number, staff, form);
            case CATEGORY -> Coded.byCode(Category.class, form.apply("category"))
                    .<Result>map(category -> new Moved(work.changeCategory(number, staff, category)))
                    .orElseGet(() -> new Invalid(List.of(new FieldError("category", "Выберите категорию из списка."))));
            case PRIORITY -> Coded.byCode(Priority.class, form.apply("priority"))
                    .<Result>map(priority -> new Moved(work.changePriority(number, staff, priority)))
                    .orElseGet(() -> new Invalid(List.of(new FieldError("priority", "Выберите приоритет из списка."))));
        };
    }

    private Result extend(TicketNumber number, String staff, Function<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        String due = form.apply("extend-due");
        Optional<Instant> newDue = MoscowTimes.parseLocal(due);
        if (due.isBlank()) {
            errors.add(new FieldError("extend-due", "Введите новый срок ответа."));
        } else if (newDue.isEmpty()) {
            errors.add(new FieldError("extend-due", "Введите новый срок как дату и время, например 08.12.2026 18:00."));
        }
        String reason = form.apply("extend-reason").strip();
        if (reason.isEmpty()) {
            errors.add(new FieldError("extend-reason", "Укажите причину переноса срока: её увидит гражданин."));
        } else if (reason.length() > 1000) {
            errors.add(new FieldError("extend-reason", "Причина должна быть не длиннее 1000 символов."));
        }
        return errors.isEmpty() ? new Moved(work.extend(number, staff, newDue.orElseThrow(), reason)) : new Invalid(errors);
    }

    private static Optional<String> text(Function<String, String> form, String field) {
        String text = form.apply(field).strip();
        return text.isEmpty() || text.length() > MAX_TEXT ? Optional.empty() : Optional.of(text);
    }

    private static Result invalid(Function<String, String> form, String field, String empty) {
        return new Invalid(List.of(new FieldError(field, form.apply(field).isBlank() ? empty
                : "Текст должен быть не длиннее " + MAX_TEXT + " символов.")));
    }

    /** The fields each action's form keeps when it is shown again with errors. */
    static final Map<TicketAction, List<String>> KEPT = Map.of(TicketAction.ASK, List.of("ask-text"),
            TicketAction.RESOLVE, List.of("resolve-text"), TicketAction.EXTEND, List.of("extend-due", "extend-reason"));
}
