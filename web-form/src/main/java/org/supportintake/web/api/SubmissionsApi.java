package org.supportintake.web.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.web.form.FeedbackSubmission;
import org.supportintake.web.form.FormInput;
import org.supportintake.web.form.MultipartForm;
import org.supportintake.web.form.UnreadableFormException;
import org.supportintake.web.security.Guard;
import org.supportintake.web.security.RequestOrigin;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/submissions} (multipart, the form's field names): 201 with the ticket number,
 * due time and rejected files; 200 for a repeated submission token (409 without details when the repeat names
 * another email than the ticket's requester); 422 with every violation; 413
 * for a body over the limit; 415 for a body that is not multipart; 429 with Retry-After; 403 for a browser
 * post from another site (see {@link RequestOrigin}).
 */
public final class SubmissionsApi extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionsApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient IntakeService intake;
    private final transient AttachmentInspector attachments;
    private final transient AttachmentPolicy files;
    private final transient MultipartForm multipart;
    private final transient Guard guard;
    private final transient Clock clock;

    public SubmissionsApi(IntakeService intake, AttachmentInspector attachments, AttachmentPolicy files,
                          MultipartForm multipart, Guard guard, Clock clock) {
        this.intake = intake;
        this.attachments = attachments;
        this.files = files;
        this.multipart = multipart;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestOrigin.of(request).isCrossSite()) {
            LOG.info("cross-site post to the submissions API was refused");
            write(response, 403, Map.of("error", "cross_site", "message",
                    "Обращение можно отправить только со страницы нашего сайта или из программы без браузера."));
            return;
        }
        Optional<Duration> wait = guard.perAddress(request);
        if (wait.isPresent()) {
            tooMany(response, wait.get());
            return;
        }
        FormInput input;
        try {
            input = multipart.read(request, attachments.batch(files));
        } catch (UnreadableFormException e) {
            response.setHeader("Connection", "close");
            Problem problem = e.refusal().problem();
            response.setStatus(problem.status());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ErrorPages.json(problem));
            return;
        }
        wait = guard.perEmail(input.field("email"));
        if (wait.isPresent()) {
            tooMany(response, wait.get());
            return;
        }
        IntakeOutcome outcome = intake.accept(FeedbackSubmission.of(input, clock.instant()));
        guard.counted(outcome, input.field("email"));
        answer(response, outcome);
    }

    private static void answer(HttpServletResponse response, IntakeOutcome outcome) throws IOException {
        if (outcome instanceof IntakeOutcome.Duplicate duplicate && !duplicate.sameSender()) {
            write(response, 409, Map.of("error", "duplicate_submission", "message",
                    FeedbackSubmission.ALREADY_RECEIVED));
        } else if (outcome instanceof IntakeOutcome.OnTicket onTicket) {
            write(response, outcome instanceof IntakeOutcome.Duplicate ? 200 : 201, accepted(onTicket));
        } else if (outcome instanceof IntakeOutcome.Invalid invalid) {
            write(response, 422, Map.of("violations", invalid.violations()));
        } else {
            throw new IllegalStateException("a form submission cannot be " + outcome);
        }
    }

    private static Map<String, Object> accepted(IntakeOutcome.OnTicket onTicket) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticketNumber", onTicket.ticketNumber().toString());
        body.put("dueAt", onTicket.dueAt().toString());
        body.put("rejectedAttachments", onTicket.rejectedAttachments().stream().map(file -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("name", file.name());
            item.put("reason", file.reason().code());
            item.put("message", file.reason().sentence());
            return item;
        }).toList());
        return body;
    }

    private static void tooMany(HttpServletResponse response, Duration wait) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.getSeconds())));
        write(response, 429, Map.of("error", "rate_limited", "message", "Слишком много обращений; повторите позже."));
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
