package org.supportintake.attachments.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.inspection.ArchiveEntry;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.attachments.testing.TestFiles.CountingStream;

class AttachmentBatchTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path storeDir;

    private FileStore store;
    private AttachmentInspector inspector;

    @BeforeEach
    void newStore() {
        store = new FileStore(storeDir);
        inspector = new AttachmentInspector(store);
    }

    private ReceivedFile formFile(String name, String declaredType, byte[] bytes) {
        return inspector.batch(AttachmentPolicy.form()).receive(name, declaredType, new ByteArrayInputStream(bytes));
    }

    private ReceivedFile emailFile(String name, byte[] bytes) {
        return inspector.batch(AttachmentPolicy.email()).receive(name, "application/octet-stream",
                new ByteArrayInputStream(bytes));
    }

    private static AttachmentVerdict rejected(RejectionReason reason) {
        return AttachmentVerdict.rejected(reason);
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storeDir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Nested
    @DisplayName("accepted by content")
    class Accepted {
        @Test
        void pdfPngJpegAndDocxAreAcceptedOnTheFormAndStored() throws IOException {
            assertThat(formFile("заявление.pdf", MediaTypes.PDF, TestFiles.pdf()).inspection().detectedType())
                    .isEqualTo(MediaTypes.PDF);
            assertThat(formFile("скриншот.png", MediaTypes.PNG, TestFiles.png()).inspection().detectedType())
                    .isEqualTo(MediaTypes.PNG);
            assertThat(formFile("фото.jpg", MediaTypes.JPEG, TestFiles.jpeg()).inspection().detectedType())
                    .isEqualTo(MediaTypes.JPEG);
            ReceivedFile docx = formFile("договор.docx", MediaTypes.DOCX, TestFiles.docx());
            assertThat(docx.verdict()).isEqualTo(AttachmentVerdict.accepted());
            assertThat(docx.inspection().detectedType()).isEqualTo(MediaTypes.DOCX);
            assertThat(storedFiles()).isEqualTo(4);
        }

        @Test
        void docxIsToldApartFromZipWhereverItsContentTypesStand() {
            ReceivedFile docx = formFile("document", "", TestFiles.docx(false));
            assertThat(docx.inspection().detectedType()).isEqualTo(MediaTypes.DOCX);
            assertThat(docx.verdict()).isEqualTo(AttachmentVerdict.accepted());
        }

        @Test
        void acceptedFileIsStoredUnderItsHashWithSizeAndSha256() {
            byte[] png = TestFiles.png();
            ReceivedFile file = formFile("screen.png", "image/png", png);
            assertThat(file.inspection().size()).isEqualTo(png.length);
            assertThat(file.inspection().sha256()).matches("[0-9a-f]{64}");
            assertThat(store.pathOf(file.inspection().sha256())).exists().hasBinaryContent(png);
        }

        @Test
        void zipOfAllowedFilesIsAcceptedOnEmailWithItsEntriesListed() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("скан паспорта.pdf", TestFiles.pdf());
            entries.put("фото.png", TestFiles.png());
            entries.put("договор.docx", TestFiles.docx());
            ReceivedFile zip = emailFile("документы.zip", TestFiles.zip(entries, Charset.forName("IBM866")));

            assertThat(zip.verdict()).isEqualTo(AttachmentVerdict.accepted());
            assertThat(zip.inspection().detectedType()).isEqualTo(MediaTypes.ZIP);
            assertThat(zip.inspection().entries()).extracting(ArchiveEntry::name, ArchiveEntry::detectedType)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("скан паспорта.pdf", MediaTypes.PDF),
                            org.assertj.core.groups.Tuple.tuple("фото.png", MediaTypes.PNG),
                            org.assertj.core.groups.Tuple.tuple("договор.docx", MediaTypes.DOCX));
        }

        @Test
        void identicalFilesAreStoredOnce() throws IOException {
            var batch = inspector.batch(AttachmentPolicy.email());
            batch.receive("a.pdf", "", new ByteArrayInputStream(TestFiles.pdf()));
            batch.receive("b.pdf", "", new ByteArrayInputStream(TestFiles.pdf()));
            assertThat(storedFiles()).isEqualTo(1);
        }

        @Test
        void pngNamedJpgIsTakenAsAScreenshotNotATrick() {
            assertThat(formFile("screen.jpg", "image/jpeg", TestFiles.png()).verdict()).isEqualTo(AttachmentVerdict.accepted());
        }
    }

    @Nested
    @DisplayName("rejected, with nothing stored")
    class Rejected {
        @Test
        void elfExecutableNamedPdfContradictsItsName() throws IOException {
            ReceivedFile file = formFile("report.pdf", MediaTypes.PDF, TestFiles.elf());
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.CONTENT_MISMATCH));
            assertThat(file.inspection().detectedType()).isEqualTo("application/x-executable");
            assertThat(storedFiles()).isZero();
        }

        @Test
        void windowsExecutableNamedPdfContradictsItsName() {
            assertThat(formFile("invoice.pdf", "application/pdf", TestFiles.pe()).verdict())
                    .isEqualTo(rejected(RejectionReason.CONTENT_MISMATCH));
        }

        @Test
        void executableUnderItsOwnNameIsATypeNotAllowed() {
            assertThat(formFile("setup.exe", "application/x-msdownload", TestFiles.pe()).verdict())
                    .isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }

        @Test
        void zipIsNotAllowedOnTheForm() {
            assertThat(formFile("scans.zip", "application/zip", TestFiles.zip(Map.of("a.pdf", TestFiles.pdf()))).verdict())
                    .isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }

        @Test
        void plainZipNamedDocxIsNotADocument() {
            ReceivedFile file = formFile("letter.docx", MediaTypes.DOCX, TestFiles.zip(Map.of("a.pdf", TestFiles.pdf())));
            assertThat(file.inspection().detectedType()).isEqualTo(MediaTypes.ZIP);
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }

        @Test
        void zipHoldingAnExecutableIsRejected() {
            byte[] zip = TestFiles.zip(Map.of("scan.pdf", TestFiles.pdf(), "viewer.exe", TestFiles.pe()));
            assertThat(emailFile("scans.zip", zip).verdict()).isEqualTo(rejected(RejectionReason.ARCHIVE_ENTRY_NOT_ALLOWED));
        }

        @Test
        void zipBombIsCaughtWhileInflating() throws IOException {
            ReceivedFile bomb = emailFile("report.zip", TestFiles.zipBomb(300L * MB));
            assertThat(bomb.verdict()).isEqualTo(rejected(RejectionReason.ZIP_BOMB));
            assertThat(storedFiles()).isZero();
        }

        @Test
        void zipOfTooManySmallEntriesIsNamedForItsCountNotABomb() throws IOException {
            var entries = new java.util.LinkedHashMap<String, byte[]>();
            for (int i = 0; i <= 1000; i++) {
                entries.put("scan-" + i + ".pdf", TestFiles.pdf());
            }
            ReceivedFile many = emailFile("scans.zip", TestFiles.zip(entries));
            assertThat(many.verdict()).isEqualTo(rejected(RejectionReason.ARCHIVE_TOO_MANY_ENTRIES));
            assertThat(RejectionReason.ARCHIVE_TOO_MANY_ENTRIES.code()).isEqualTo("archive_too_many_entries");
            assertThat(storedFiles()).isZero();
        }

        @Test
        void encryptedZipCannotBeChecked() {
            assertThat(emailFile("passport.zip", TestFiles.encryptedZip()).verdict())
                    .isEqualTo(rejected(RejectionReason.ARCHIVE_ENCRYPTED));
        }

        @Test
        void truncatedZipIsCorrupt() {
            byte[] zip = TestFiles.zip(Map.of("a.pdf", TestFiles.pdfOfSize(50_000)));
            byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
            assertThat(emailFile("a.zip", truncated).verdict()).isEqualTo(rejected(RejectionReason.ARCHIVE_CORRUPT));
        }

        @Test
        void rightToLeftOverrideNameIsSpoofedAndNeverRead() {
            CountingStream content = new CountingStream(1000);
            ReceivedFile file = inspector.batch(AttachmentPolicy.form()).receive("photo\u202Egnp.exe", "image/png", content);
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.SPOOFED_NAME));
            assertThat(file.name()).isEqualTo("photognp.exe");
            assertThat(content.bytesRead()).isZero();
        }

        @Test
        void doubleExtensionIsSpoofed() {
            assertThat(formFile("scan.pdf.exe", "", TestFiles.pe()).verdict()).isEqualTo(rejected(RejectionReason.SPOOFED_NAME));
        }

        @Test
        void emptyFileIsRejected() {
            assertThat(formFile("empty.pdf", MediaTypes.PDF, new byte[0]).verdict()).isEqualTo(rejected(RejectionReason.EMPTY));
        }

        @Test
        void formFileOfFiveMegabytesPlusOneByteIsTooLarge() throws IOException {
            assertThat(formFile("scan.png", MediaTypes.PNG, TestFiles.pngOfSize(5 * MB)).verdict())
                    .isEqualTo(AttachmentVerdict.accepted());
            ReceivedFile tooLarge = formFile("scan2.png", MediaTypes.PNG, TestFiles.pngOfSize(5 * MB + 1));
            assertThat(tooLarge.verdict()).isEqualTo(rejected(RejectionReason.TOO_LARGE));
            assertThat(tooLarge.inspection().sha256()).isEmpty();
            assertThat(storedFiles()).isEqualTo(1);
        }

        @Test
        void elevenMegabytesOverThreeEmailAttachmentsRejectsTheOneThatCrossesTen() {
            var batch = inspector.batch(AttachmentPolicy.email());
            List<ReceivedFile> files = List.of(
                    batch.receive("a.pdf", "", new ByteArrayInputStream(TestFiles.pdfOfSize(4 * MB))),
                    batch.receive("b.pdf", "", new ByteArrayInputStream(TestFiles.pdfOfSize(4 * MB))),
                    batch.receive("c.pdf", "", new ByteArrayInputStream(TestFiles.pdfOfSize(3 * MB))));
            assertThat(files).extracting(ReceivedFile::verdict).containsExactly(AttachmentVerdict.accepted(),
                    AttachmentVerdict.accepted(), rejected(RejectionReason.TOTAL_TOO_LARGE));
        }

        @Test
        void sixthFormFileIsOneTooMany() {
            var batch = inspector.batch(AttachmentPolicy.form());
            for (int i = 0; i < 5; i++) {
                assertThat(batch.receive(i + ".png", "", new ByteArrayInputStream(TestFiles.png())).verdict())
                        .isEqualTo(AttachmentVerdict.accepted());
            }
            assertThat(batch.receive("6.png", "", new ByteArrayInputStream(TestFiles.png())).verdict())
                    .isEqualTo(rejected(RejectionReason.TOO_MANY_FILES));
        }
    }

    @Test
    void hundredMegabyteStreamIsCutOffOneBytePastTheLimit() throws IOException {
        CountingStream hundredMegabytes = new CountingStream(100L * MB);
        ReceivedFile file = inspector.batch(AttachmentPolicy.form()).receive("huge.pdf", "", hundredMegabytes);

        assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.TOO_LARGE));
        assertThat(hundredMegabytes.bytesRead()).isEqualTo(5L * MB + 1);
        assertThat(storedFiles()).isZero();
    }
}
