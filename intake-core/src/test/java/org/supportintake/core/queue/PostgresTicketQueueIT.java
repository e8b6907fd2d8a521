package org.supportintake.core.queue;

import org.supportintake.core.testing.OnPostgres;

class PostgresTicketQueueIT extends OnPostgres implements TicketQueueContract {
}
