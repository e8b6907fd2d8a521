package org.supportintake.core.work;

import org.supportintake.core.testing.OnPostgres;

class PostgresTicketFilesIT extends OnPostgres implements TicketFilesContract {
}
