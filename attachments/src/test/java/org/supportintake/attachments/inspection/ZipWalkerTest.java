package org.supportintake.attachments.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.testing.RawZip;
import org.supportintake.attachments.testing.TestFiles;

class ZipWalkerTest {

    private static final ArchiveLimits LIMITS = new ArchiveLimits(10, 1024 * 1024, 100, 2);

    @TempDir
    Path dir;

    private final ZipWalker walker = new ZipWalker(new ContentDetector());

    private ArchiveScan walk(byte[] zip, ArchiveLimits limits) throws IOException {
        Path file = Files.write(dir.resolve("archive.zip"), zip);
        return walker.walk(file, limits);
    }

    private static Map<String, byte[]> pdfs(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("scan" + i + ".pdf", TestFiles.pdf());
        }
        return entries;
    }

    @Test
    void listsEveryEntryWithItsTypeAndInflatedSize() throws IOException {
        ArchiveScan scan = walk(TestFiles.zip(pdfs(3)), LIMITS);
        assertThat(scan).isInstanceOfSatisfying(ArchiveScan.Walked.class, walked -> {
            assertThat(walked.wordDocument()).isFalse();
            assertThat(walked.entries()).hasSize(3).allSatisfy(entry -> {
                assertThat(entry.detectedType()).isEqualTo(MediaTypes.PDF);
                assertThat(entry.size()).isEqualTo(TestFiles.pdf().length);
                assertThat(entry.depth()).isEqualTo(1);
            });
        });
    }

    @Test
    void stopsAtOneEntryPastTheCount() throws IOException {
        assertThat(walk(TestFiles.zip(pdfs(10)), LIMITS)).isInstanceOf(ArchiveScan.Walked.class);
        assertThat(walk(TestFiles.zip(pdfs(11)), LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.TOO_MANY_ENTRIES));
    }

    @Test
    void stopsWhenInflatedBytesPassTheLimitEvenAtALowRatio() throws IOException {
        byte[] random = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(random);
        assertThat(walk(TestFiles.zip(Map.of("noise.pdf", random)), LIMITS))
                .isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.TOO_MUCH_INFLATED));
    }

    @Test
    void stopsWhenTheRatioPassesTheLimit() throws IOException {
        ArchiveLimits roomy = new ArchiveLimits(10, 1024L * 1024 * 1024, 100, 2);
        assertThat(walk(TestFiles.zipBomb(50L * 1024 * 1024), roomy))
                .isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.RATIO_TOO_HIGH));
    }

    @Test
    void overlappingEntriesBombIsABombNotACorruptArchive() throws IOException {
        byte[] bomb = TestFiles.overlappingBomb(9, 200 * 1024);
        Path file = Files.write(dir.resolve("bomb.zip"), bomb);
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.size()).as("what unzip lists and writes out").isEqualTo(9);
        }

        assertThat(walker.walk(file, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.TOO_MUCH_INFLATED));
        assertThat(walker.walk(file, new ArchiveLimits(5, 100L * 1024 * 1024, 100, 2)))
                .isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.TOO_MANY_ENTRIES));
        assertThat(walker.walk(file, new ArchiveLimits(100, 100L * 1024 * 1024, 100, 2)))
                .isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.RATIO_TOO_HIGH));
    }

    @Test
    void entriesSharingOneLocalHeaderAreABomb() throws IOException {
        byte[] scan = TestFiles.pdfOfSize(200 * 1024);
        RawZip zip = new RawZip().entry("scan.pdf", scan);
        for (int i = 0; i < 9; i++) {
            zip.listed("scan.pdf", scan, 0);
        }
        assertThat(walk(zip.bytes(), LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.TOO_MUCH_INFLATED));
    }

    @Test
    void storedEntriesWithDataDescriptorsAsGoAndPythonStreamThemAreRead() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("скан.pdf", TestFiles.pdf());
        entries.put("фото.png", TestFiles.png());
        entries.put("договор.docx", TestFiles.docx());
        byte[] streamed = TestFiles.storedWithDescriptors(entries, true);
        try (var zip = new java.util.zip.ZipFile(Files.write(dir.resolve("streamed.zip"), streamed).toFile())) {
            assertThat(zip.size()).as("what unzip lists").isEqualTo(3);
        }

        assertThat(walk(streamed, LIMITS)).isInstanceOfSatisfying(ArchiveScan.Walked.class, walked ->
                assertThat(walked.entries()).extracting(ArchiveEntry::name, ArchiveEntry::detectedType)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("скан.pdf", MediaTypes.PDF),
                                org.assertj.core.groups.Tuple.tuple("фото.png", MediaTypes.PNG),
                                org.assertj.core.groups.Tuple.tuple("договор.docx", MediaTypes.DOCX)));
        assertThat(walk(TestFiles.storedWithDescriptors(entries, false), LIMITS)).isInstanceOf(ArchiveScan.Walked.class);
        assertThat(walk(TestFiles.storedWithDescriptors(Map.of("scan.pdf", TestFiles.pe()), true), LIMITS))
                .isInstanceOfSatisfying(ArchiveScan.Walked.class, walked ->
                        assertThat(walked.entries().get(0).detectedType()).isNotEqualTo(MediaTypes.PDF));
    }

    @Test
    void storedEntryWhoseDescriptorLiesAboutItsDataIsStillReadAsTheDirectorySays() throws IOException {
        byte[] streamed = TestFiles.storedWithDescriptors(Map.of("скан.pdf", TestFiles.pdf()), true);
        // Spoil the CRC in the central directory only: the data no longer matches what unzip would check.
        byte[] spoiled = streamed.clone();
        for (int i = spoiled.length - 22; i >= 0; i--) {
            if (spoiled[i] == 'P' && spoiled[i + 1] == 'K' && spoiled[i + 2] == 1 && spoiled[i + 3] == 2) {
                spoiled[i + 16] ^= 0x55;
                break;
            }
        }
        assertThat(walk(spoiled, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
    }

    @Test
    void walksAZipInAZipButNotDeeper() throws IOException {
        byte[] inner = TestFiles.zip(Map.of("a.pdf", TestFiles.pdf()));
        ArchiveScan twoLevels = walk(TestFiles.zip(Map.of("inner.zip", inner)), LIMITS);
        assertThat(twoLevels).isInstanceOfSatisfying(ArchiveScan.Walked.class, walked ->
                assertThat(walked.entries()).extracting(ArchiveEntry::name, ArchiveEntry::depth).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("inner.zip", 1), org.assertj.core.groups.Tuple.tuple("a.pdf", 2)));

        byte[] threeLevels = TestFiles.zip(Map.of("middle.zip", TestFiles.zip(Map.of("inner.zip", inner))));
        assertThat(walk(threeLevels, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.TOO_DEEP));
    }

    @Test
    void docxInsideAZipIsOneDocumentNotItsParts() throws IOException {
        ArchiveScan scan = walk(TestFiles.zip(Map.of("договор.docx", TestFiles.docx())), LIMITS);
        assertThat(scan).isInstanceOfSatisfying(ArchiveScan.Walked.class, walked ->
                assertThat(walked.entries()).extracting(ArchiveEntry::detectedType).containsExactly(MediaTypes.DOCX));
    }

    @Test
    void readsCyrillicNamesOfOldWindowsArchivers() throws IOException {
        byte[] zip = TestFiles.zip(Map.of("Справка о доходах.pdf", TestFiles.pdf()), java.nio.charset.Charset.forName("IBM866"));
        ArchiveScan scan = walk(zip, LIMITS);
        assertThat(((ArchiveScan.Walked) scan).entries().get(0).name()).isEqualTo("Справка о доходах.pdf");
    }

    @Nested
    @DisplayName("central directory and local headers must agree")
    class DirectoryAgainstHeaders {
        private final byte[] pdf = TestFiles.pdf();

        @Test
        void entryWhoseLocalHeaderSitsInAnotherEntrysDataIsCorrupt() throws IOException {
            assertThat(walk(new RawZip().entry("a.pdf", pdf).entry("b.pdf", pdf).bytes(), LIMITS))
                    .as("the same archive without the trick").isInstanceOf(ArchiveScan.Walked.class);
            byte[] zip = new RawZip().entry("a.pdf", pdf).hiding("b.pdf", "setup.exe", TestFiles.pe()).bytes();
            assertThat(walk(zip, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
        }

        @Test
        void localEntryTheDirectoryDoesNotListIsCorrupt() throws IOException {
            byte[] zip = new RawZip().entry("a.pdf", pdf).unlisted("setup.exe", TestFiles.pe()).entry("b.pdf", pdf).bytes();
            assertThat(walk(zip, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
        }

        @Test
        void directoryNamingAnEntryOtherwiseThanItsLocalHeaderIsCorrupt() throws IOException {
            byte[] zip = new RawZip().entry("a.pdf", pdf).unlisted("b.pdf", pdf).listed("b.exe", pdf, 30 + 5 + pdf.length).bytes();
            assertThat(walk(zip, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
        }

        @Test
        void directoryListingEntriesOutOfFileOrderIsCorrupt() throws IOException {
            byte[] zip = new RawZip().unlisted("a.pdf", pdf).unlisted("b.pdf", pdf)
                    .listed("b.pdf", pdf, 30 + 5 + pdf.length).listed("a.pdf", pdf, 0).bytes();
            assertThat(walk(zip, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
        }

        @Test
        void bytesBetweenEntriesThatNoHeaderAccountsForAreCorrupt() throws IOException {
            byte[] zip = new RawZip().entry("a.pdf", pdf).gap(TestFiles.pe()).bytes();
            assertThat(walk(zip, LIMITS)).isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
        }

        @Test
        void archiveInsideAnArchiveIsHeldToTheSameRule() throws IOException {
            byte[] inner = new RawZip().entry("a.pdf", pdf).hiding("b.pdf", "setup.exe", TestFiles.pe()).bytes();
            assertThat(walk(TestFiles.zip(Map.of("inner.zip", inner)), LIMITS))
                    .isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
            try (var left = Files.list(dir)) {
                assertThat(left).as("the nested copy is deleted").containsExactly(dir.resolve("archive.zip"));
            }
        }
    }

    @Test
    void garbageIsCorrupt() throws IOException {
        assertThat(walk("PK\u0003\u0004 not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII), LIMITS))
                .isEqualTo(new ArchiveScan.Stopped(ArchiveProblem.CORRUPT));
    }
}
