package org.supportintake.mail.classify;

import org.supportintake.core.submission.Coded;

/** What kind of mail a message is, decided before any ticket; only {@link #NORMAL} mail can make one. */
public enum MailClassification implements Coded {
    NORMAL("normal"),
    AUTO_REPLY("auto_reply"),
    BOUNCE("bounce"),
    LIST("list"),
    OWN("own");

    private final String code;

    MailClassification(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
