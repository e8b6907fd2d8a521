package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Choosing a batch on an inbox kept open while earlier batches leave it. */
class InboxBatchTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    /** Never started here: choosing alone is under test. */
    private static final Function<Message[], InboxBatch.Ahead<String>> NOT_STARTED = messages -> {
        throw new AssertionError("started");
    };

    private Store store;
    private IMAPFolder inbox;

    @BeforeEach
    void openInboxWithFiveMails() throws Exception {
        GreenMailUser user = GREEN_MAIL.setUser("support@localhost", "support@localhost", "secret");
        for (int i = 1; i <= 5; i++) {
            String raw = "Message-ID: <b" + i + "@mail.example.ru>\r\nFrom: c@mail.example.ru\r\nSubject: Question " + i
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nОбращение.\r\n";
            user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        }
        store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), "support@localhost", "secret");
        Folder processed = store.getFolder(MailboxPoller.PROCESSED);
        processed.create(Folder.HOLDS_MESSAGES);
        inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
    }

    @AfterEach
    void close() throws MessagingException {
        store.close();
    }

    @Test
    void batchAfterAnotherBeginsAfterItsLastMessage() throws Exception {
        InboxBatch<String> first = InboxBatch.chosen(inbox, null, 2, NOT_STARTED);
        InboxBatch<String> next = InboxBatch.chosen(inbox, first, 2, NOT_STARTED);

        assertThat(subjects(first)).containsExactly("Question 1", "Question 2");
        assertThat(first.waiting()).isEqualTo(5);
        assertThat(subjects(next)).containsExactly("Question 3", "Question 4");
        assertThat(next.waiting()).isEqualTo(3);
        assertThat(InboxBatch.chosen(inbox, InboxBatch.chosen(inbox, next, 2, NOT_STARTED), 2, NOT_STARTED)).isNull();
    }

    @Test
    void batchChosenFromTheStartSkipsMessagesMovedWhileTheInboxStayedOpen() throws Exception {
        InboxBatch<String> first = InboxBatch.chosen(inbox, null, 2, NOT_STARTED);
        inbox.moveMessages(first.messages(), store.getFolder(MailboxPoller.PROCESSED));

        InboxBatch<String> again = InboxBatch.chosen(inbox, null, 2, NOT_STARTED);

        assertThat(subjects(again)).containsExactly("Question 3", "Question 4");
        assertThat(again.waiting()).isEqualTo(3);
    }

    private static List<String> subjects(InboxBatch<String> batch) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (Message message : batch.messages()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
