package org.supportintake.core.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.ticket.AttachmentReferences;

/**
 * Retention ({@code INTAKE_RETENTION}): tickets closed longer than the period ago are anonymised as an erasure would,
 * with their stored files. Batch by batch, so a first run over years of tickets holds no long transaction; safe on
 * any node (an anonymised ticket is not picked again).
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 200;

    private final PersonalData data;
    private final StoredFiles files;
    private final Period period;
    private final Clock clock;

    public Retention(PersonalData data, FileStore files, AttachmentReferences references, Period period, Clock clock) {
        this.data = data;
        this.files = new StoredFiles(files, references);
        this.period = period;
        this.clock = clock;
    }

    /** One run; returns how many tickets were anonymised. */
    public int run() {
        Instant now = clock.instant();
        Instant closedBefore = now.atZone(ZoneOffset.UTC).minus(period).toInstant();
        int total = 0;
        for (List<Long> batch = data.closedBefore(closedBefore, BATCH); !batch.isEmpty();
             batch = data.closedBefore(closedBefore, BATCH)) {
            Set<String> hashes = data.anonymise(batch, now, "", "retention " + period + " after closing");
            files.deleteUnreferenced(hashes);
            total += batch.size();
        }
        if (total > 0) {
            LOG.info("retention: anonymised {} tickets closed before {}", total, closedBefore);
        }
        return total;
    }
}
