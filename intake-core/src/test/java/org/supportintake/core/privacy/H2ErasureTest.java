package org.supportintake.core.privacy;

import org.supportintake.core.testing.OnH2;

class H2ErasureTest extends OnH2 implements ErasureContract {
}
