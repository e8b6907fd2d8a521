package org.supportintake.core.queue;

import org.supportintake.core.testing.OnH2;

class H2TicketQueueTest extends OnH2 implements TicketQueueContract {
}
