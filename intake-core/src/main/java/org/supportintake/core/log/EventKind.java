package org.supportintake.core.log;

import org.supportintake.core.submission.Coded;

/** What happened, in the intake log. */
public enum EventKind implements Coded {
    TICKET_CREATED("ticket_created"),
    FOLLOW_UP_ADDED("follow_up_added"),
    /** A citizen wrote on a resolved ticket within the reopen window. */
    TICKET_REOPENED("ticket_reopened"),
    TICKET_TAKEN("ticket_taken"),
    /** Staff asked the citizen something; the clock pauses. */
    STAFF_ASKED("staff_asked"),
    /** Staff answered; the ticket is resolved. */
    TICKET_RESOLVED("ticket_resolved"),
    TICKET_CLOSED("ticket_closed"),
    /** The citizen rated the answer, or changed the rating; the detail is the score. */
    TICKET_RATED("ticket_rated"),
    DUE_EXTENDED("due_extended"),
    CATEGORY_CHANGED("category_changed"),
    PRIORITY_CHANGED("priority_changed"),
    /** Staff marked the ticket as not a request (spam): closed, its unsent mail withdrawn. */
    MARKED_NOT_A_REQUEST("marked_not_a_request"),
    /** The due time passed with no reply from staff. */
    TICKET_OVERDUE("ticket_overdue"),
    /** Less than the at-risk fraction of the ticket's business time is left. */
    TICKET_AT_RISK("ticket_at_risk"),
    /** An auto-reply, mailing-list or own mail: no ticket, no acknowledgement. */
    MAIL_IGNORED("mail_ignored"),
    /** An email with nothing usable: no ticket, an explanation instead. */
    EMAIL_REJECTED("email_rejected"),
    /** A bounce of one of our mails. */
    ACKNOWLEDGEMENT_UNDELIVERABLE("acknowledgement_undeliverable"),
    /** The sender had reached the acknowledgements-per-hour limit. */
    ACKNOWLEDGEMENT_SUPPRESSED("acknowledgement_suppressed"),
    /** An outgoing mail was refused for good or not sent within the retry window. */
    ACKNOWLEDGEMENT_FAILED("acknowledgement_failed"),
    /** Parts of an email on a ticket could not be read whole; the detail names them. */
    MAIL_DAMAGED("mail_damaged"),
    /** A mail could not be parsed or processed and was set aside for a person. */
    MAIL_FAILED("mail_failed"),
    /** The requester's personal data on the ticket was anonymised (on request, or by retention); the detail is why. */
    REQUESTER_ERASED("requester_erased");

    private final String code;

    EventKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
