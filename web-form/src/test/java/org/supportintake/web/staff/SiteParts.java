package org.supportintake.web.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.jdbc.JdbcAttachmentReferences;
import org.supportintake.core.jdbc.JdbcIntakeLogReader;
import org.supportintake.core.jdbc.JdbcPersonalData;
import org.supportintake.core.jdbc.JdbcQuarantine;
import org.supportintake.core.jdbc.JdbcTicketFiles;
import org.supportintake.core.jdbc.JdbcTicketQueue;
import org.supportintake.core.privacy.RequesterErasure;
import org.supportintake.core.quarantine.MailReplay;
import org.supportintake.core.quarantine.SetAsideDesk;
import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffSessions;
import org.supportintake.core.testing.IntakeFixture;

/** The staff site's parts on a test database, every store the real JDBC one; the fixtures choose the rest. */
final class SiteParts {

    /** For fixtures whose tests replay nothing. */
    static final MailReplay NO_REPLAY = mail -> {
        throw new IllegalStateException("this fixture replays no mail");
    };

    private SiteParts() {
    }

    static StaffSite.Parts of(IntakeFixture intake, StaffAccounts accounts, StaffSessions sessions, AuditTrail audit,
                              Clock clock, FileStore store, MailReplay replay) {
        Jdbi jdbi = intake.jdbi();
        JdbcAttachmentReferences references = new JdbcAttachmentReferences(jdbi);
        return new StaffSite.Parts(accounts, sessions, audit, intake.work(clock), new JdbcTicketQueue(jdbi), false,
                clock, new JdbcTicketFiles(jdbi), store,
                new SetAsideDesk(new JdbcQuarantine(jdbi), replay, store, references, clock),
                new JdbcIntakeLogReader(jdbi), new RequesterErasure(new JdbcPersonalData(jdbi), store, references, clock));
    }

    /** A file store in a new temporary directory. */
    static FileStore temporaryStore() {
        try {
            return new FileStore(Files.createTempDirectory("staff-files"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
