package org.supportintake.core.quarantine;

import org.supportintake.core.testing.OnPostgres;

class PostgresQuarantineIT extends OnPostgres implements QuarantineContract {
}
