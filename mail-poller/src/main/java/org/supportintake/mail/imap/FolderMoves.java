package org.supportintake.mail.imap;

import java.util.List;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Moves handled messages out of the inbox in one command: IMAP MOVE (RFC 6851) where the server
 * has it, else COPY, \Deleted and EXPUNGE of just those messages (UIDPLUS, RFC 4315) or of the folder.
 * A spy may subclass it in tests.
 */
class FolderMoves {

    void move(IMAPFolder inbox, List<Message> messages, Folder target) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Message[] batch = messages.toArray(new Message[0]);
        IMAPStore store = (IMAPStore) inbox.getStore();
        if (store.hasCapability("MOVE")) {
            inbox.moveMessages(batch, target);
            return;
        }
        inbox.copyMessages(batch, target);
        inbox.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
        if (store.hasCapability("UIDPLUS")) {
            inbox.expunge(batch);
        } else {
            inbox.expunge();
        }
    }
}
