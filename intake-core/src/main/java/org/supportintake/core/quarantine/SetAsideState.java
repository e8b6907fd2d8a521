package org.supportintake.core.quarantine;

import org.supportintake.core.submission.Coded;

/** Where a set-aside mail stands: waiting for a person, replayed through the intake path, or deleted. */
public enum SetAsideState implements Coded {
    WAITING("waiting", "Ждёт решения"),
    REPLAYED("replayed", "Обработано повторно"),
    DELETED("deleted", "Удалено");

    private final String code;
    private final String title;

    SetAsideState(String code, String title) {
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
}
