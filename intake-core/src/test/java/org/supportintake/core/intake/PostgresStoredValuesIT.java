package org.supportintake.core.intake;

import org.supportintake.core.testing.OnPostgres;

class PostgresStoredValuesIT extends OnPostgres implements StoredValuesContract {
}
