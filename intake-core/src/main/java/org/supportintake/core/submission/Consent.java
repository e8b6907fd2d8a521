package org.supportintake.core.submission;

import java.time.Instant;
import java.util.Objects;

/** Consent to the processing of personal data (152-FZ): when it was given and which text was shown. */
public record Consent(Instant givenAt, String textVersion) {

    public Consent {
        Objects.requireNonNull(givenAt, "givenAt");
        Objects.requireNonNull(textVersion, "textVersion");
    }
}
