package org.supportintake.core.work;

import org.supportintake.core.testing.OnH2;

class H2TicketWorkTest extends OnH2 implements TicketWorkContract {
}
