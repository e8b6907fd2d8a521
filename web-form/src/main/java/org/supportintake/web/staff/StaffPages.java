package org.supportintake.web.staff;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.web.view.EnglishPhrases;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Pages;
import org.supportintake.web.view.Problem;

/**
 * Staff pages in the staff layout ({@code staff-header}/{@code staff-footer}): every page gets who is signed in, the
 * CSRF token for its forms, the navigation that role may use and which item is current.
 */
public final class StaffPages {

    private final Pages pages;
    private final ErrorPages errors;

    public StaffPages(Pages pages, ErrorPages errors) {
        this.pages = pages;
        this.errors = errors;
    }

    /** Renders {@code template} with {@code context}; {@code section} is the navigation item to mark current. */
    public void html(HttpServletRequest request, HttpServletResponse response, int status, String template,
                     String section, Map<String, Object> context) throws IOException {
        StaffMember member = StaffRequest.member(request);
        Map<String, Object> all = new HashMap<>(context);
        all.put("staffLogin", member.login());
        all.put("staffRole", member.role().title());
        all.put(StaffRequest.CSRF_FIELD, StaffRequest.session(request).csrfToken());
        all.put("mayAudit", member.may(Permission.READ_AUDIT));
        all.put("mayExport", member.may(Permission.EXPORT_CSV));
        all.put("mayErase", member.may(Permission.ERASE_REQUESTER));
        all.put("section_" + section, Boolean.TRUE);
        all.put("english", EnglishPhrases.LAMBDA);
        pages.html(response, status, template, all);
    }

    /**
     * Whether the signed-in member may do {@code permission}; if not, the 403 page (or JSON on the API) is written
     * and the caller stops.
     */
    public boolean allowed(HttpServletRequest request, HttpServletResponse response, Permission permission)
            throws IOException {
        if (StaffRequest.member(request).may(permission)) {
            return true;
        }
        problem(request, response, new Problem(403, "forbidden", "Недостаточно прав",
                "Это действие доступно только руководителю или администратору."));
        return false;
    }

    /** The 404 of a staff page or API path (an unknown ticket number, a set-aside mail already deleted). */
    public void notFound(HttpServletRequest request, HttpServletResponse response, String heading, String text)
            throws IOException {
        problem(request, response, new Problem(404, "not_found", heading, text));
    }

    /**
     * {@code problem} in the staff layout, with the navigation, when a signed-in member asked for a page; as JSON on
     * the API, and in the site's layout where no one is signed in.
     */
    void problem(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        if (request.getAttribute(StaffRequest.SESSION) == null) {
            errors.write(request, response, problem);
            return;
        }
        response.resetBuffer();
        html(request, response, problem.status(), "staff-error", "", Map.of("title", "Ошибка: " + problem.heading(),
                "heading", problem.heading(), "text", problem.text()));
    }

    /** After a post: back to {@code location} (Post/Redirect/Get), with {@code notice} to show there once. */
    public static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
