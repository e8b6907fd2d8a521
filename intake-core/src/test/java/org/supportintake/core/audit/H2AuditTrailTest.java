package org.supportintake.core.audit;

import org.supportintake.core.testing.OnH2;

class H2AuditTrailTest extends OnH2 implements AuditTrailContract {
}
