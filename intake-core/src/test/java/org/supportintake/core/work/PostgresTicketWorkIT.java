package org.supportintake.core.work;

import org.supportintake.core.testing.OnPostgres;

class PostgresTicketWorkIT extends OnPostgres implements TicketWorkContract {
}
