package org.supportintake.core.privacy;

import org.supportintake.core.testing.OnPostgres;

class PostgresErasureIT extends OnPostgres implements ErasureContract {
}
