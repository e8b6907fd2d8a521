package org.supportintake.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.inspection.Inspection;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.jdbc.JdbcAttachmentReferences;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

class SweepUnreferencedFilesTest {

    @TempDir
    Path root;

    private final HikariDataSource dataSource = TestDatabases.h2();

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void deletesOnlyOldFilesThatNoMessageRefersTo() throws Exception {
        IntakeFixture intake = IntakeFixture.on(dataSource);
        FileStore store = new FileStore(root);
        var kept = store.stage(new ByteArrayInputStream("скан паспорта".getBytes(StandardCharsets.UTF_8)), 1000, 16);
        Path referenced = store.keep(kept);
        Path orphan = store.keep(store.stage(new ByteArrayInputStream("сирота".getBytes(StandardCharsets.UTF_8)), 1000, 16));
        intake.service().accept(Submissions.email().attachment(new ReceivedFile("passport.pdf", "",
                new Inspection(MediaTypes.PDF, kept.size(), kept.sha256(), List.of()), AttachmentVerdict.accepted())).build());
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        for (Path file : List.of(referenced, orphan)) {
            Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofDays(2))));
        }

        new SweepUnreferencedFiles(store, new JdbcAttachmentReferences(intake.jdbi()), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofHours(24)).run();

        assertThat(referenced).exists();
        assertThat(orphan).doesNotExist();
    }
}
