package org.supportintake.core.work;

import org.supportintake.core.testing.OnH2;

class H2TicketFilesTest extends OnH2 implements TicketFilesContract {
}
