package org.supportintake.core.intake;

import org.supportintake.core.testing.OnH2;

class H2StoredValuesTest extends OnH2 implements StoredValuesContract {
}
