package org.supportintake.core.intake;

import org.supportintake.core.log.IntakeLog;
import org.supportintake.core.outbox.OutboxStore;
import org.supportintake.core.quarantine.Quarantine;
import org.supportintake.core.rating.RatingStore;
import org.supportintake.core.ticket.MessageStore;
import org.supportintake.core.ticket.TicketStore;

/** The stores one transaction sees; valid only inside {@link Transactions#inTransaction}. */
public interface Stores {

    TicketStore tickets();

    MessageStore messages();

    OutboxStore outbox();

    IntakeLog log();

    ReceiptStore receipts();

    RatingStore ratings();

    /** Set-aside mail, recorded in the transaction that logs its failure. */
    Quarantine quarantine();
}
