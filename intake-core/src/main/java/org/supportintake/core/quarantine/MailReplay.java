package org.supportintake.core.quarantine;

/**
 * Runs a set-aside mail's archived raw message through the one mail intake path again (mail-poller implements it;
 * intake-server wires it). Dedupe by external id makes a second replay of a mail that became a ticket a no-op.
 * Thread-safe; infrastructure faults are thrown.
 */
public interface MailReplay {

    ReplayOutcome replay(SetAsideMail mail);
}
