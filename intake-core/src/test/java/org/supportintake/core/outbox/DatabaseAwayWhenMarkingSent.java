package org.supportintake.core.outbox;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox on a database that goes away just once, at the moment the first mail the server took is to be marked
 * sent (the pool has no connection to give), and answers again for everything after.
 */
final class DatabaseAwayWhenMarkingSent implements OutboxQueue {

    private final OutboxQueue database;
    private boolean away = true;

    DatabaseAwayWhenMarkingSent(OutboxQueue database) {
        this.database = database;
    }

    @Override
    public List<Long> due(Instant now, int max) {
        return database.due(now, max);
    }

    @Override
    public Optional<PendingMail> claim(long id, Instant now, Duration lease) {
        return database.claim(id, now, lease);
    }

    @Override
    public void sent(long id, Instant at) {
        if (away) {
            away = false;
            throw new IllegalStateException(new SQLTransientConnectionException(
                    "intake - Connection is not available, request timed out after 30000ms"));
        }
        database.sent(id, at);
    }

    @Override
    public void retryAt(long id, Instant next, String error) {
        database.retryAt(id, next, error);
    }

    @Override
    public void failed(PendingMail mail, Instant at, String error, String eventDetail) {
        database.failed(mail, at, error, eventDetail);
    }
}
