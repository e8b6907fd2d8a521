package org.supportintake.core.staff;

import org.supportintake.core.submission.Coded;

/** What a staff account may do; each role includes everything of the roles before it. */
public enum Role implements Coded {
    OPERATOR("operator", "Оператор"),
    SUPERVISOR("supervisor", "Руководитель"),
    ADMIN("admin", "Администратор");

    private final String code;
    private final String title;

    Role(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Whether this role may do {@code permission}. */
    public boolean may(Permission permission) {
        return compareTo(permission.least()) >= 0;
    }
}
