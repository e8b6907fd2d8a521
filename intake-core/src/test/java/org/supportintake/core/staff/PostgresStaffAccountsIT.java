package org.supportintake.core.staff;

import org.supportintake.core.testing.OnPostgres;

class PostgresStaffAccountsIT extends OnPostgres implements StaffAccountsContract {
}
