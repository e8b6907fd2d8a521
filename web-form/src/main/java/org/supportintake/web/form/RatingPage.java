package org.supportintake.web.form;

import java.io.IOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.rating.AnswerRatings;
import org.supportintake.core.rating.Rating;
import org.supportintake.core.rating.RatingForm;
import org.supportintake.core.rating.RatingLinks;
import org.supportintake.core.rating.RatingOutcome;
import org.supportintake.core.validation.Violation;
import org.supportintake.web.security.CsrfTokens;
import org.supportintake.web.view.KeepTogether;
import org.supportintake.web.view.Pages;
import org.supportintake.web.view.Problem;

/**
 * {@code /rate/{token}/{score}}, the links of the «Решено» mail. One click rates: a GET that a browser marks as a
 * navigation the person started ({@code Sec-Fetch-User: ?1}) saves the score at once, keeping any comment, and shows
 * it saved. Any other GET (mail scanners and link previews fetch every link of a mail, without those headers) saves
 * nothing and shows the score selected with «Отправить оценку». Either page takes an optional comment, posted to
 * {@code /rate/{token}} (CSRF-checked). A forged or expired link, or a score outside 1–5, is the site's 404, which
 * does not say whether the ticket exists.
 */
public final class RatingPage extends HttpServlet {

    private static final String TITLE = "Оценка ответа";
    private static final String SCORE = "score";

    private final transient AnswerRatings ratings;
    private final transient CsrfTokens csrf;
    private final transient Pages pages;

    public RatingPage(AnswerRatings ratings, CsrfTokens csrf, Pages pages) {
        this.ratings = ratings;
        this.csrf = csrf;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request);
        Optional<Integer> score = path.size() == 2 ? score(path.get(1)) : Optional.empty();
        Optional<RatingForm> form = score.flatMap(ignored -> ratings.open(path.get(0)));
        if (form.isEmpty()) {
            notFound(response);
            return;
        }
        String comment = form.get().current().map(Rating::comment).orElse("");
        Map<String, Object> view;
        if (startedByAPerson(request)
                && ratings.rate(path.get(0), score.get(), comment) instanceof RatingOutcome.Saved saved) {
            view = view(path.get(0), ratings.open(path.get(0)).orElseThrow(), score.get(), comment, List.of());
            view.put("saved", RatingLinks.label(saved.score()));
        } else {
            view = view(path.get(0), form.get(), score.get(), comment, List.of());
        }
        show(request, response, 200, view);
    }

    /** A top-level navigation the person started (a click in their mail), as browsers tell it; scanners do not. */
    private static boolean startedByAPerson(HttpServletRequest request) {
        return "?1".equals(request.getHeader("Sec-Fetch-User")) && "navigate".equals(request.getHeader("Sec-Fetch-Mode"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        List<String> path = segments(request);
        Optional<Integer> score = score(value(request, SCORE));
        Optional<RatingForm> form = path.size() == 1 ? score.flatMap(ignored -> ratings.open(path.get(0)))
                : Optional.empty();
        if (form.isEmpty()) {
            notFound(response);
            return;
        }
        String token = path.get(0);
        // Composed, as the form's fields are: a decomposed «й» is one character of the thousand, as the counter says.
        String comment = Normalizer.normalize(Optional.ofNullable(request.getParameter(AnswerRatings.COMMENT)).orElse(""),
                Normalizer.Form.NFC);
        if (!csrf.matches(request, value(request, CsrfTokens.FIELD))) {
            show(request, response, 403, view(token, form.get(), score.get(), comment, List.of(new Violation(
                    "score-" + score.get(), "csrf.expired", "Страница устарела. Отправьте оценку ещё раз."))));
            return;
        }
        RatingOutcome outcome = ratings.rate(token, score.get(), comment);
        if (outcome instanceof RatingOutcome.Saved saved) {
            pages.message(response, 200, "Спасибо за оценку", "Ваша оценка ответа на обращение № " + saved.number()
                    + ": " + RatingLinks.label(saved.score()) + ". Изменить её можно по ссылке из письма в течение "
                    + "30 дней после ответа.", "/", "Перейти к форме обращения");
        } else if (outcome instanceof RatingOutcome.Invalid invalid) {
            show(request, response, 422, view(token, form.get(), score.get(), comment, invalid.violations()));
        } else {
            notFound(response);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> view)
            throws IOException {
        view.put("csrfToken", csrf.issue(request, response));
        pages.html(response, status, "rating", view);
    }

    private void notFound(HttpServletResponse response) throws IOException {
        pages.problem(response, Problem.of(404), "/");
    }

    private static Map<String, Object> view(String token, RatingForm form, int score, String comment,
                                            List<Violation> errors) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", (errors.isEmpty() ? "" : FormView.ERROR_PREFIX) + TITLE);
        view.put("token", token);
        view.put("ticketNumber", form.number().toString());
        form.current().ifPresent(previous -> view.put("previous", RatingLinks.label(previous.score())));
        view.put("scores", IntStream.rangeClosed(1, 5).mapToObj(each -> Map.of("score", each,
                "label", RatingLinks.label(each), "checked", each == score)).toList());
        Map<String, Object> field = new HashMap<>();
        field.put("id", AnswerRatings.COMMENT);
        field.put("value", comment);
        field.put("max", AnswerRatings.COMMENT_MAX);
        field.put("error", errors.stream().filter(e -> e.field().equals(AnswerRatings.COMMENT)).map(Violation::message)
                .findFirst().orElse(""));
        view.put("comment", field);
        view.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        view.put("hasErrors", !errors.isEmpty());
        view.put("keepTogether", KeepTogether.LAMBDA);
        return view;
    }

    private static List<String> segments(HttpServletRequest request) {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        return path.length() < 2 ? List.of() : List.of(path.substring(1).split("/", -1));
    }

    private static Optional<Integer> score(String text) {
        return text.matches("[1-5]") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
