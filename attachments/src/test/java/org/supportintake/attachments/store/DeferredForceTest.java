package org.supportintake.attachments.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredForceTest {

    @TempDir
    Path root;

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void filesStagedForLaterAreForcedOnceWhereverTheyNowLiveAndDiscardedOnesAreSkipped() throws Exception {
        FileStore store = new FileStore(root);
        DeferredForce later = store.deferredForce();
        StagedFile kept = store.stage(bytes("письмо"), 1_000, 0, later);
        StagedFile sameContent = store.stage(bytes("письмо"), 1_000, 0, later);
        StagedFile discarded = store.stage(bytes("вложение"), 1_000, 0, later);
        StagedFile forcedNow = store.stage(bytes("сразу"), 1_000, 0);
        assertThat(later.pending()).isEqualTo(3);

        Path address = store.keep(kept);
        store.keep(sameContent); // already there: the copy is dropped, the kept file is forced in its place
        store.discard(discarded);
        later.force();

        assertThat(later.pending()).isZero();
        assertThat(Files.readString(address)).isEqualTo("письмо");
        assertThat(forcedNow.path()).exists();
    }

    @Test
    void contentAlreadyKeptIsForcedAgainWithTheBatchThatRefersToItNow() {
        FileStore store = new FileStore(root);
        DeferredForce first = store.deferredForce();
        store.keep(store.stage(bytes("скан паспорта"), 1_000, 0, first));
        DeferredForce second = store.deferredForce();
        StagedFile copy = store.stage(bytes("скан паспорта"), 1_000, 0, second);
        second.force(); // the copy's own force has run before its keep

        store.keep(copy);

        // the first batch may not have forced the file yet: the second one's commit must not refer to it unforced
        assertThat(second.pending()).isEqualTo(1);
        second.force();
        assertThat(second.pending()).isZero();
    }
}
