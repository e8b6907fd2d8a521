package org.supportintake.core.submission;

/** How a message reached us. */
public enum Channel implements Coded {
    EMAIL("email"),
    FORM("form");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
