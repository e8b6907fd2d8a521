package org.supportintake.core.staff;

import org.supportintake.core.testing.OnH2;

class H2StaffAccountsTest extends OnH2 implements StaffAccountsContract {
}
