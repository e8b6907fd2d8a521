package org.supportintake.core.staff;

/** Something staff do, and the least role that may do it (DESIGN.md, "Staff"). */
public enum Permission {
    /** The queue, ticket pages, downloads, replies and the other moves of a ticket, the intake log, set-aside mail. */
    WORK_TICKETS(Role.OPERATOR),
    EXTEND_DUE(Role.SUPERVISOR),
    READ_AUDIT(Role.SUPERVISOR),
    EXPORT_CSV(Role.SUPERVISOR),
    DELETE_SET_ASIDE(Role.SUPERVISOR),
    ERASE_REQUESTER(Role.ADMIN),
    MANAGE_ACCOUNTS(Role.ADMIN);

    private final Role least;

    Permission(Role least) {
        this.least = least;
    }

    public Role least() {
        return least;
    }
}
