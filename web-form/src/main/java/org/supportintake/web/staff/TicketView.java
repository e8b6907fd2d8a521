package org.supportintake.web.staff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.submission.CallbackTime;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.TicketStatus;
import org.supportintake.core.work.TicketFile;

/** The ticket page's template context: the file as staff read it, and the action forms its status allows. */
final class TicketView {

    private TicketView() {
    }

    /** {@code kept}: the values of a form shown again with {@code errors}. */
    static Map<String, Object> of(TicketFile file, StaffMember member, Optional<String> notice, List<FieldError> errors,
                                  Map<String, String> kept) {
        TicketFile.Summary ticket = file.summary();
        Map<String, Object> view = new HashMap<>();
        view.put("title", PageTitle.of("Обращение " + ticket.number(), !errors.isEmpty(), notice));
        view.put("number", ticket.number().toString());
        view.put("statusCode", ticket.status().code());
        view.put("status", ticket.status().title());
        view.put("channel", Words.channel(ticket.channel()));
        view.put("category", Words.category(ticket.category()));
        view.put("priority", Words.priority(ticket.priority()));
        view.put("subject", ticket.title());
        view.put("createdAt", MoscowTimes.shown(ticket.createdAt()));
        view.put("dueAt", MoscowTimes.shown(ticket.dueAt()));
        view.put("overdue", ticket.overdue());
        view.put("atRisk", ticket.atRisk());
        view.put("repeatRequest", ticket.repeatRequest());
        view.put("assignee", ticket.assignee().orElse(""));
        view.put("relatedTicket", ticket.relatedTicket().orElse(""));
        notice.ifPresent(text -> view.put("notice", text));
        view.put("requester", requester(file.requester()));
        view.put("messages", file.messages().stream().map(TicketView::message).toList());
        view.put("events", file.events().stream().map(event -> Map.of("at", MoscowTimes.shown(event.at()),
                "what", EventNames.of(event.kind()), "staff", event.staff(),
                "detail", EventDetail.readable(event.kind(), event.detail()))).toList());
        view.put("mails", file.mails().stream().map(TicketView::mail).toList());
        view.put("hasMails", !file.mails().isEmpty());
        view.put("hasErrors", !errors.isEmpty());
        view.put("errors", errors);
        errors.forEach(error -> view.put("error_" + error.field().replace('-', '_'), error.message()));
        kept.forEach((field, value) -> view.put("kept_" + field.replace('-', '_'), value));
        view.putIfAbsent("kept_extend_due", MoscowTimes.local(ticket.dueAt()));
        forms(view, ticket, member);
        return view;
    }

    private static void forms(Map<String, Object> view, TicketFile.Summary ticket, StaffMember member) {
        TicketStatus status = ticket.status();
        boolean open = status == TicketStatus.ACCEPTED || status == TicketStatus.IN_PROGRESS
                || status == TicketStatus.WAITING_FOR_CITIZEN;
        view.put("mayTake", status == TicketStatus.ACCEPTED || status == TicketStatus.IN_PROGRESS);
        view.put("mayAsk", open && status != TicketStatus.WAITING_FOR_CITIZEN);
        view.put("mayResolve", open);
        view.put("mayClose", status == TicketStatus.RESOLVED);
        view.put("mayReschedule", open);
        view.put("mayExtend", open && member.may(Permission.EXTEND_DUE));
        view.put("maySpam", status != TicketStatus.CLOSED);
        view.put("categories", Arrays.stream(Category.values()).map(c -> Map.of("code", c.code(), "title", c.title(),
                "selected", c.code().equals(ticket.category()))).toList());
        view.put("priorities", Arrays.stream(org.supportintake.core.ticket.Priority.values()).map(p -> Map.of("code",
                p.code(), "title", Words.priority(p), "selected", p == ticket.priority())).toList());
    }

    private static Map<String, Object> requester(TicketFile.Requester requester) {
        return Map.of("name", requester.name(), "email", requester.email(), "phone", requester.phone(),
                "callback", Coded.byCode(CallbackTime.class, requester.callbackTime()).map(CallbackTime::interval).orElse(""),
                "consent", requester.consentAt().map(at -> "дано " + MoscowTimes.shown(at)
                        + requester.consentVersion().map(v -> ", текст " + v).orElse("")).orElse("не требовалось (письмо)"));
    }

    private static Map<String, Object> message(TicketFile.Message message) {
        Map<String, Object> view = new HashMap<>();
        view.put("staffSide", "out".equals(message.direction()));
        view.put("direction", "out".equals(message.direction()) ? "Исходящее" : "Входящее");
        view.put("channel", Words.channel(message.channel()));
        view.put("sender", message.senderName().isBlank() ? message.senderEmail()
                : message.senderName() + " <" + message.senderEmail() + ">");
        view.put("at", MoscowTimes.shown(message.receivedAt()));
        view.put("subject", message.subject());
        view.put("text", message.text());
        view.put("quoted", message.quoted());
        List<Map<String, Object>> accepted = message.attachments().stream().filter(TicketFile.Attachment::accepted)
                .map(TicketView::file).toList();
        List<Map<String, Object>> rejected = message.attachments().stream().filter(a -> !a.accepted())
                .map(TicketView::file).toList();
        view.put("files", accepted);
        view.put("hasFiles", !accepted.isEmpty());
        view.put("rejected", rejected);
        view.put("hasRejected", !rejected.isEmpty());
        return view;
    }

    private static Map<String, Object> file(TicketFile.Attachment file) {
        return Map.of("id", file.id(), "name", file.name(), "type", file.detectedType(), "size", Words.size(file.size()),
                "reason", file.reasonSentence());
    }

    private static Map<String, Object> mail(TicketFile.Mail mail) {
        Map<String, Object> view = new HashMap<>();
        view.put("kind", Words.mailKind(mail.kind()));
        view.put("recipient", mail.recipient());
        view.put("subject", mail.subject());
        view.put("createdAt", MoscowTimes.shown(mail.createdAt()));
        view.put("sentAt", mail.sentAt().map(MoscowTimes::shown).orElse(""));
        view.put("attempts", mail.attempts());
        view.put("lastError", mail.lastError().orElse(""));
        view.put("stateCode", mail.state().code());
        view.put("state", mail.state().title());
        return view;
    }
}
