package org.supportintake.web.staff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.queue.TicketQueue;
import org.supportintake.core.log.IntakeLogReader;
import org.supportintake.core.privacy.RequesterErasure;
import org.supportintake.core.quarantine.SetAsideDesk;
import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffSessions;
import org.supportintake.core.work.TicketFiles;
import org.supportintake.core.work.TicketWork;
import org.supportintake.web.security.AllowedMethods;
import org.supportintake.web.security.CsrfTokens;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Pages;
import org.supportintake.web.view.Templates;

/** The staff side: the intake log's pages under {@code /staff} and the staff API, behind {@link StaffGate}. */
public final class StaffSite {

    private final Parts parts;
    private final StaffPages pages;
    private final ErrorPages errors;

    /** What the staff pages work on. {@code https}: the public address is https, so the session cookie is Secure. */
    public record Parts(StaffAccounts accounts, StaffSessions sessions, AuditTrail audit, TicketWork work,
                        TicketQueue queue, boolean https, Clock clock, TicketFiles files, FileStore store,
                        SetAsideDesk setAside, IntakeLogReader log, RequesterErasure erasure) {
    }

    public StaffSite(Parts parts) {
        this.parts = parts;
        Templates templates = new Templates();
        this.errors = new ErrorPages(templates);
        this.pages = new StaffPages(new Pages(templates), errors);
    }

    /** The gate every request passes (it acts only on staff paths); goes after the site's own filters. */
    public Filter gate() {
        return new StaffGate(parts.sessions(), parts.accounts(), errors, pages);
    }

    /** Servlets by path spec. */
    public Map<String, HttpServlet> servlets() {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put(StaffGate.LOGIN, new LoginPage(parts.accounts(), parts.sessions(), new CsrfTokens(parts.https()),
                new Pages(new Templates()), parts.https(), parts.clock()));
        servlets.put(LogoutPage.PATH, new LogoutPage(parts.sessions(), parts.audit(), parts.https(), parts.clock()));
        servlets.put("/staff", new QueuePage(parts.queue(), parts.audit(), pages, errors, parts.clock()));
        servlets.put("/staff/export.csv", new QueueExport(parts.queue(), parts.audit(), pages, errors, parts.clock()));
        servlets.put("/api/v1/tickets", new TicketsApi(parts.queue(), parts.audit(), pages, errors, parts.clock()));
        servlets.put("/staff/tickets/*", new TicketPage(parts.files(), new TicketMoves(parts.work()), parts.audit(), pages,
                parts.clock()));
        servlets.put("/staff/files/*", new AttachmentDownload(parts.files(), parts.store(), parts.audit(), pages,
                parts.clock()));
        servlets.put("/staff/audit", new AuditPage(parts.audit(), pages, parts.clock()));
        servlets.put("/api/v1/tickets/*", new TicketApi(parts.files(), parts.audit(), pages, parts.clock()));
        servlets.put("/api/v1/audit", new AuditApi(parts.audit(), pages, errors, parts.clock()));
        servlets.put("/staff/failed/*", new FailedMailPages(parts.setAside(), parts.audit(), pages, parts.clock()));
        servlets.put("/staff/log", new IntakeLogPage(parts.log(), parts.audit(), pages, parts.clock()));
        servlets.put("/staff/erase", new ErasurePage(parts.erasure(), parts.audit(), pages, parts.clock()));
        servlets.put("/staff/*", new UnknownStaffPage(pages));
        return servlets;
    }

    /** The methods each of {@link #servlets}' paths serves; every other is 405. */
    public static Map<String, Set<String>> methods() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        methods.put(StaffGate.LOGIN, Set.of("GET", "HEAD", "POST"));
        methods.put(LogoutPage.PATH, AllowedMethods.POST);
        methods.put("/staff", AllowedMethods.READ);
        methods.put("/staff/export.csv", AllowedMethods.READ);
        methods.put("/api/v1/tickets", AllowedMethods.READ);
        methods.put("/staff/tickets/*", Set.of("GET", "HEAD", "POST"));
        methods.put("/staff/files/*", AllowedMethods.READ);
        methods.put("/staff/audit", AllowedMethods.READ);
        methods.put("/api/v1/tickets/*", AllowedMethods.READ);
        methods.put("/api/v1/audit", AllowedMethods.READ);
        methods.put("/staff/failed/*", Set.of("GET", "HEAD", "POST"));
        methods.put("/staff/log", Set.of("GET", "HEAD"));
        methods.put("/staff/erase", Set.of("GET", "HEAD", "POST"));
        methods.put("/staff/*", Set.of("GET", "HEAD", "POST"));
        return methods;
    }

    StaffPages pages() {
        return pages;
    }
}
