package org.supportintake.core.outbox;

import org.supportintake.core.testing.OnPostgres;

class PostgresOutboxDeliveryIT extends OnPostgres implements OutboxDeliveryContract {
}
