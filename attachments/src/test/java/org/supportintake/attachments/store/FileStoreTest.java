package org.supportintake.attachments.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

    @TempDir
    Path root;

    private StagedFile stage(FileStore store, String text) {
        return store.stage(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000, 16);
    }

    private long files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void stagedBytesGetAHashAndAHeaderButNoFinalName() throws IOException {
        FileStore store = new FileStore(root);
        StagedFile staged = stage(store, "обращение");
        assertThat(staged.sha256()).isEqualTo(sha256Of("обращение"));
        assertThat(new String(staged.header(), 0, staged.headerLength(), StandardCharsets.UTF_8)).isEqualTo("обращени");
        assertThat(staged.path().getFileName().toString()).endsWith(".part");
        assertThat(store.pathOf(staged.sha256())).doesNotExist();
    }

    @Test
    void keptFileMovesToItsContentAddress() throws IOException {
        FileStore store = new FileStore(root);
        StagedFile staged = stage(store, "скан");
        Path kept = store.keep(staged);
        assertThat(kept).isEqualTo(root.resolve(staged.sha256().substring(0, 2)).resolve(staged.sha256().substring(2, 4))
                .resolve(staged.sha256()));
        assertThat(kept).hasContent("скан");
        assertThat(staged.path()).doesNotExist();
    }

    @Test
    void identicalContentIsStoredOnce() throws IOException {
        FileStore store = new FileStore(root);
        store.keep(stage(store, "одно и то же"));
        store.keep(stage(store, "одно и то же"));
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void contentKeptAgainLeavesTheFileAlreadyThere() throws IOException {
        FileStore store = new FileStore(root);
        Path first = store.keep(stage(store, "одно и то же"));
        Object before = Files.readAttributes(first, BasicFileAttributes.class).fileKey();

        StagedFile again = stage(store, "одно и то же");
        store.keep(again);

        assertThat(Files.readAttributes(first, BasicFileAttributes.class).fileKey()).isEqualTo(before);
        assertThat(again.path()).doesNotExist();
    }

    @Test
    void copyCutShortUnderItsAddressIsReplacedWhenTheContentComesAgain() throws IOException {
        FileStore store = new FileStore(root);
        Path kept = store.keep(stage(store, "письмо, прерванное отключением питания"));
        Files.write(kept, new byte[0]); // what a power cut leaves of a file moved before its force

        store.keep(stage(store, "письмо, прерванное отключением питания"));

        assertThat(kept).hasContent("письмо, прерванное отключением питания");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void stagingStopsOneBytePastTheLimit() {
        FileStore store = new FileStore(root);
        StagedFile staged = store.stage(new ByteArrayInputStream(new byte[5000]), 1000, 16);
        assertThat(staged.overLimit()).isTrue();
        assertThat(staged.size()).isEqualTo(1001);
        assertThat(staged.sha256()).isEmpty();
    }

    @Test
    void sweepRemovesOldUnreferencedFilesAndCrashLeftoversOnly() throws IOException {
        FileStore store = new FileStore(root);
        Path referenced = store.keep(stage(store, "нужный"));
        Path orphan = store.keep(stage(store, "ничей"));
        Path recentOrphan = store.keep(stage(store, "только что"));
        StagedFile leftover = stage(store, "недописанный");
        Instant old = Instant.now().minus(Duration.ofDays(3));
        for (Path file : new Path[] {referenced, orphan, leftover.path()}) {
            Files.setLastModifiedTime(file, FileTime.from(old));
        }

        int swept = store.sweep(sha -> sha.equals(referenced.getFileName().toString()),
                Instant.now().minus(Duration.ofDays(1)));

        assertThat(swept).isEqualTo(2);
        assertThat(referenced).exists();
        assertThat(recentOrphan).exists();
        assertThat(orphan).doesNotExist();
        assertThat(leftover.path()).doesNotExist();
    }

    @Test
    void keepingContentAlreadyStoredStartsTheSweepersGracePeriodAgain() throws IOException {
        FileStore store = new FileStore(root);
        Path first = store.keep(stage(store, "та же справка"));
        Files.setLastModifiedTime(first, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        Path again = store.keep(stage(store, "та же справка"));
        int swept = store.sweep(sha -> false, Instant.now().minus(Duration.ofDays(1)));

        assertThat(again).isEqualTo(first);
        assertThat(swept).isZero();
        assertThat(Files.readString(again)).isEqualTo("та же справка");
    }

    private static String sha256Of(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
