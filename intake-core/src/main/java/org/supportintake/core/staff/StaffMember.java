package org.supportintake.core.staff;

import java.util.Objects;

/** A signed-in staff account: its key, its login (what the logs and the audit name) and its role. */
public record StaffMember(long id, String login, Role role) {

    public StaffMember {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
    }

    public boolean may(Permission permission) {
        return role.may(permission);
    }
}
