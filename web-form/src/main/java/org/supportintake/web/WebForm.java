package org.supportintake.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.jdbc.JdbcAcceptedResults;
import org.supportintake.core.jdbc.JdbcRateWindows;
import org.supportintake.core.rating.AnswerRatings;
import org.supportintake.core.ticket.TicketLookup;
import org.supportintake.web.api.SubmissionsApi;
import org.supportintake.web.form.AcceptedPage;
import org.supportintake.web.form.AcceptedResults;
import org.supportintake.web.form.FeedbackPage;
import org.supportintake.web.form.MultipartForm;
import org.supportintake.web.form.RatingPage;
import org.supportintake.web.form.StatusPage;
import org.supportintake.web.security.AllowedMethods;
import org.supportintake.web.security.CsrfTokens;
import org.supportintake.web.security.Guard;
import org.supportintake.web.security.RateLimiter;
import org.supportintake.web.security.SecurityHeaders;
import org.supportintake.web.security.UnexpectedFailures;
import org.supportintake.web.view.Assets;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Pages;
import org.supportintake.web.view.Templates;

/**
 * The citizens' web: the form, the status page, the rating of an answer, the JSON API and their assets, with their
 * protections.
 */
public final class WebForm {

    private static final Duration HOUR = Duration.ofHours(1);
    /** Result pages after a form post: long enough to reload or bookmark, short for an email kept with them. */
    private static final Duration RESULTS_LIFETIME = Duration.ofMinutes(30);

    private WebForm() {
    }

    /** Limits of the citizens' web; per hour, counted in the database and so shared by every node. */
    public record Limits(AttachmentPolicy files, long maxRequestBytes, int submissionsPerAddress, int submissionsPerEmail,
                         int lookupsPerAddress) {
    }

    /**
     * Servlets by path spec ({@code ""} is the root page), for a site on http; {@code shared}: the database where the
     * rate limits and result pages live, so that every node sees them.
     */
    public static Map<String, HttpServlet> servlets(IntakeService intake, AttachmentInspector attachments,
                                                    TicketLookup lookup, AnswerRatings ratings, Limits limits,
                                                    Jdbi shared, Clock clock) {
        return servlets(intake, attachments, lookup, ratings, limits, false, shared, clock);
    }

    /** Servlets by path spec; {@code https}: the public address is https, so cookies are {@code Secure}. */
    public static Map<String, HttpServlet> servlets(IntakeService intake, AttachmentInspector attachments,
                                                    TicketLookup lookup, AnswerRatings ratings, Limits limits,
                                                    boolean https, Jdbi shared, Clock clock) {
        JdbcRateWindows windows = new JdbcRateWindows(shared);
        Guard guard = new Guard(new RateLimiter("submissions per address", limits.submissionsPerAddress(), HOUR,
                windows, clock),
                new RateLimiter("submissions per email", limits.submissionsPerEmail(), HOUR, windows, clock),
                new RateLimiter("lookups per address", limits.lookupsPerAddress(), HOUR, windows, clock));
        CsrfTokens csrf = new CsrfTokens(https);
        Pages pages = new Pages(new Templates());
        MultipartForm multipart = new MultipartForm(limits.maxRequestBytes());
        AcceptedResults results = new AcceptedResults(new JdbcAcceptedResults(shared), RESULTS_LIFETIME,
                clock);
        FeedbackPage form = new FeedbackPage(intake, attachments, limits.files(), multipart, csrf, guard, pages, results,
                clock);
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put("", form);
        servlets.put("/feedback", form);
        servlets.put("/feedback/accepted/*", new AcceptedPage(results, pages));
        servlets.put("/status", new StatusPage(lookup, csrf, guard, pages));
        servlets.put("/rate/*", new RatingPage(ratings, csrf, pages));
        servlets.put("/api/v1/submissions", new SubmissionsApi(intake, attachments, limits.files(), multipart, guard, clock));
        servlets.put("/assets/*", new Assets());
        return servlets;
    }

    /** The methods each of {@link #servlets}' paths serves; every other is 405. */
    public static Map<String, Set<String>> methods() {
        return Map.of("", AllowedMethods.READ, "/feedback", AllowedMethods.POST, "/feedback/accepted/*", AllowedMethods.READ,
                "/status", Set.of("GET", "HEAD", "POST"), "/rate/*", Set.of("GET", "HEAD", "POST"),
                "/api/v1/submissions", AllowedMethods.POST,
                "/assets/*", AllowedMethods.READ);
    }

    /**
     * The filters for every request, in order: security headers (with HSTS when {@code https}), the last word on
     * unexpected failures, and the allowed methods by path ({@code methods}: {@link #methods()} and the server's own).
     */
    public static List<Filter> filters(boolean https, Map<String, Set<String>> methods) {
        ErrorPages errors = errorPages();
        return List.of(new SecurityHeaders(https), new UnexpectedFailures(errors), new AllowedMethods(methods, errors));
    }

    /** The site's error answers, for the server's handler of the errors Jetty raises itself. */
    public static ErrorPages errorPages() {
        return new ErrorPages(new Templates());
    }
}
