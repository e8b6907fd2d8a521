package org.supportintake.core.jdbc;

import java.security.SecureRandom;

import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.rating.RatingKey;

/**
 * The rating links' key when none is configured: made by the first node to start and kept in {@code rating_key}.
 * The insert does nothing when a row is there, so nodes starting together all read the one that won.
 */
public final class JdbcRatingKey {

    private JdbcRatingKey() {
    }

    public static RatingKey loadOrCreate(Jdbi jdbi, SecureRandom random) {
        String candidate = RatingKey.generateSecret(random);
        return jdbi.inTransaction(h -> {
            h.createUpdate("insert into rating_key (id, secret) values (1, :secret) on conflict do nothing")
                    .bind("secret", candidate).execute();
            return RatingKey.of(h.createQuery("select secret from rating_key where id = 1").mapTo(String.class).one());
        });
    }
}
