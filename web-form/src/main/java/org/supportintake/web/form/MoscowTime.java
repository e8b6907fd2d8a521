package org.supportintake.web.form;

import java.time.Instant;

import org.supportintake.core.outbox.AcknowledgementText;

/** A moment as citizens read it on our pages: as in the acknowledgement, Moscow time, marked «(мск)». */
public final class MoscowTime {

    private MoscowTime() {
    }

    /** «3 декабря 2026 г., 14:17 (мск)», with no-break spaces where a line must not break (day and month, year and «г.»). */
    public static String format(Instant at) {
        return (AcknowledgementText.formatDue(at) + " (мск)").replaceFirst(" ", "\u00a0").replace(" г.", "\u00a0г.")
                .replace(" (мск)", "\u00a0(мск)");
    }
}
