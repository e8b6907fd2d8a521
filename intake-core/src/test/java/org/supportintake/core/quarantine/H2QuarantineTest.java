package org.supportintake.core.quarantine;

import org.supportintake.core.testing.OnH2;

class H2QuarantineTest extends OnH2 implements QuarantineContract {
}
