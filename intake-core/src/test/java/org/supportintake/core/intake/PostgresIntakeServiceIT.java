package org.supportintake.core.intake;

import org.supportintake.core.testing.OnPostgres;

class PostgresIntakeServiceIT extends OnPostgres implements IntakeServiceContract {
}
