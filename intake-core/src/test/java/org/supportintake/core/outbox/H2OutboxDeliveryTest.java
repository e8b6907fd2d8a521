package org.supportintake.core.outbox;

import org.supportintake.core.testing.OnH2;

class H2OutboxDeliveryTest extends OnH2 implements OutboxDeliveryContract {
}
