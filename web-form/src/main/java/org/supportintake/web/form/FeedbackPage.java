package org.supportintake.web.form;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.validation.Violation;
import org.supportintake.web.security.CsrfTokens;
import org.supportintake.web.security.Guard;
import org.supportintake.web.view.Pages;
import org.supportintake.web.view.Problem;
import org.supportintake.web.view.RoutedPath;

/**
 * {@code GET /} shows the feedback form; {@code POST /feedback} takes it in: streamed, checked by
 * the one validator, and answered with a redirect (303) to the result page with the ticket number and
 * due date, or with the form again, every error beside its field and in a summary, everything typed kept.
 */
public final class FeedbackPage extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPage.class);

    private final transient IntakeService intake;
    private final transient AttachmentInspector attachments;
    private final transient AttachmentPolicy files;
    private final transient MultipartForm multipart;
    private final transient CsrfTokens csrf;
    private final transient Guard guard;
    private final transient Pages pages;
    private final transient AcceptedResults results;
    private final transient Clock clock;

    public FeedbackPage(IntakeService intake, AttachmentInspector attachments, AttachmentPolicy files,
                        MultipartForm multipart, CsrfTokens csrf, Guard guard, Pages pages, AcceptedResults results,
                        Clock clock) {
        this.intake = intake;
        this.attachments = attachments;
        this.files = files;
        this.multipart = multipart;
        this.csrf = csrf;
        this.guard = guard;
        this.pages = pages;
        this.results = results;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!RoutedPath.of(request).equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        showForm(request, response, new FormInput(Map.of(), List.of()), List.of(), HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Duration> wait = guard.perAddress(request);
        if (wait.isPresent()) {
            pages.tooManyRequests(response, wait.get(), "/");
            return;
        }
        FormInput input;
        try {
            input = multipart.read(request, attachments.batch(files));
        } catch (UnreadableFormException e) {
            pages.refused(response, e.refusal().problem(), "/");
            return;
        }
        if (!csrf.matches(request, input.field(CsrfTokens.FIELD))) {
            showForm(request, response, input, List.of(new Violation("form", "csrf.expired",
                    "Страница устарела. Проверьте данные и отправьте обращение ещё раз.")), HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!input.field("website").isEmpty()) {
            LOG.info("form post with the honeypot filled was dropped");
            pages.problem(response, new Problem(422, "honeypot", "Обращение не принято", "Не удалось принять обращение. "
                    + "Обновите страницу и отправьте его ещё раз."), "/");
            return;
        }
        wait = guard.perEmail(input.field("email"));
        if (wait.isPresent()) {
            pages.tooManyRequests(response, wait.get(), "/");
            return;
        }
        IntakeOutcome outcome = intake.accept(FeedbackSubmission.of(input, clock.instant()));
        guard.counted(outcome, input.field("email"));
        if (outcome instanceof IntakeOutcome.Invalid invalid) {
            showForm(request, response, input, invalid.violations(), 422);
        } else {
            accepted(response, outcome, input.field("email").strip());
        }
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, FormInput input,
                          List<Violation> violations, int status) throws IOException {
        String token = input.field(FeedbackSubmission.TOKEN).matches("[0-9a-f-]{36}")
                ? input.field(FeedbackSubmission.TOKEN) : UUID.randomUUID().toString();
        pages.html(response, status, "form", FormView.of(input, violations, files, csrf.issue(request, response), token));
    }

    /** A result is kept server-side and the browser redirected to it: the address carries no personal data. */
    private void accepted(HttpServletResponse response, IntakeOutcome outcome, String email) throws IOException {
        if (outcome instanceof IntakeOutcome.Duplicate duplicate && !duplicate.sameSender()) {
            pages.message(response, HttpServletResponse.SC_CONFLICT, "Обращение уже принято",
                    FeedbackSubmission.ALREADY_RECEIVED, "/", "Вернуться к форме");
            return;
        }
        if (!(outcome instanceof IntakeOutcome.OnTicket onTicket)) {
            throw new IllegalStateException("a form submission cannot be " + outcome);
        }
        // The form never adds to a ticket (ThreadOntoTicket): a new one, or the same post again.
        String heading = outcome instanceof IntakeOutcome.Duplicate ? "Обращение уже принято" : "Обращение принято";
        // The acknowledgement is in the outbox, not yet sent: say what is true now.
        String confirmation = outcome instanceof IntakeOutcome.Duplicate
                ? "Письмо с номером обращения отправляется на адрес " + email + " один раз, после первой отправки формы."
                : "Подтверждение с номером обращения будет отправлено на адрес " + email + ".";
        String id = results.keep(new AcceptedResult(heading, onTicket.ticketNumber(), onTicket.dueAt(), confirmation));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", AcceptedPage.PATH + id);
    }
}
