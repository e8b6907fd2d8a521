package org.supportintake.core.work;

import java.time.Instant;

/** Reads the digest's facts; ticket numbers only, no personal data. */
public interface DigestQuery {

    DigestFacts facts(Instant since, Instant now);
}
