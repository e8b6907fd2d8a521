package org.supportintake.web.form;

import java.time.Instant;

import org.supportintake.core.outbox.AcknowledgementText;

/** A moment as citizens read it on our pages: as in the acknowledgement, Moscow time, marked «(мск)». */
final class MoscowTime {

    private MoscowTime() {
    }

    static String format(Instant at) {
        return AcknowledgementText.formatDue(at) + " (мск)";
    }
}
