package org.supportintake.core.intake;

import org.supportintake.core.testing.OnH2;

class H2IntakeServiceTest extends OnH2 implements IntakeServiceContract {
}
