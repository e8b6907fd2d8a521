package org.supportintake.mail.mime;

import org.supportintake.core.submission.Coded;

/** Where a message's readable text came from. */
public enum TextSource implements Coded {
    PLAIN("plain"),
    HTML("html"),
    NONE("none");

    private final String code;

    TextSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
