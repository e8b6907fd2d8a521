package org.supportintake.core.submission;

/** When a citizen prefers to be called back (the form's optional {@code callbackTime}), Moscow time. */
public enum CallbackTime implements Coded {
    MORNING("morning", "09:00–12:00"),
    MIDDAY("midday", "12:00–15:00"),
    AFTERNOON("afternoon", "15:00–18:00");

    private final String code;
    private final String interval;

    CallbackTime(String code, String interval) {
        this.code = code;
        this.interval = interval;
    }

    @Override
    public String code() {
        return code;
    }

    public String interval() {
        return interval;
    }
}
