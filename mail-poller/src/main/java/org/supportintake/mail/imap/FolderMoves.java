package org.supportintake.mail.imap;

import java.util.List;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Moves handled messages out of the inbox in one command: IMAP MOVE (RFC 6851) where the server
 * has it, else COPY, \Deleted and EXPUNGE of just those messages (UIDPLUS, RFC 4315) or of the folder.
 * The server's capabilities are asked on the inbox's own connection: asked of the store while the inbox is open,
 * Angus Mail opens and logs in a second connection each time. A spy may subclass it in tests.
 */
class FolderMoves {

    void move(IMAPFolder inbox, List<Message> messages, Folder target) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Message[] batch = messages.toArray(new Message[0]);
        if (has(inbox, "MOVE")) {
            inbox.moveMessages(batch, target);
            return;
        }
        inbox.copyMessages(batch, target);
        inbox.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
        if (has(inbox, "UIDPLUS")) {
            inbox.expunge(batch);
        } else {
            inbox.expunge();
        }
    }

    private static boolean has(IMAPFolder inbox, String capability) throws MessagingException {
        return Boolean.TRUE.equals(inbox.doCommand(protocol -> protocol.hasCapability(capability)));
    }
}
