package org.supportintake.core.privacy;

/** What one erasure anonymised: tickets, set-aside mails, and stored files deleted. */
public record Erasure(int tickets, int setAside, int files) {
}
