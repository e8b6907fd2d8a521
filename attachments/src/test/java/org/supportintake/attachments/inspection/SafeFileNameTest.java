package org.supportintake.attachments.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameTest {

    @Test
    void dropsPathParts() {
        assertThat(SafeFileName.of("C:\\Users\\Иван\\Desktop\\заявление.pdf")).isEqualTo("заявление.pdf");
        assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void removesControlAndBidiCharacters() {
        assertThat(SafeFileName.of("photo\u202Egnp.exe")).isEqualTo("photognp.exe");
        assertThat(SafeFileName.of("a\u0000b\u200Bc.pdf")).isEqualTo("abc.pdf");
    }

    @Test
    void normalisesToNfcAndKeepsCyrillic() {
        String decomposed = "Справка_и\u0306.pdf";
        assertThat(SafeFileName.of(decomposed)).isEqualTo("Справка_й.pdf");
    }

    @Test
    void capsTheLengthAndKeepsTheExtension() {
        String name = SafeFileName.of("Ж".repeat(300) + ".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(SafeFileName.MAX_CODE_POINTS);
        assertThat(name).endsWith("Ж.pdf");
    }

    @Test
    void emptyOrDotsOnlyBecomesFile() {
        assertThat(SafeFileName.of("")).isEqualTo("file");
        assertThat(SafeFileName.of("...")).isEqualTo("file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo\u202Egnp.exe", "скан.pdf.exe", "Invoice.PDF.scr", "a\u0007.pdf", "x\u2066y.pdf",
        "scan.pdf.html", "фото.jpg.svg", "scan.pdf.url", "scan.pdf.exe."})
    void spotsDeceivingNames(String name) {
        assertThat(SafeFileName.isSpoofed(name)).isTrue();
    }

    @Test
    void knowsNamesThatRunWhenOpenedFromDocumentNames() {
        assertThat(List.of("run.hta", "invoice.HTML", "scan.svg", "report.exe", "setup.msi", "disk.img", "link.url", "run.hta."))
                .allSatisfy(name -> assertThat(SafeFileName.isRunnable(SafeFileName.of(name))).as(name).isTrue());
        assertThat(List.of("скан", "скан.PDF", "фото.jfif", "договор.docx", "документы.zip", "письмо.eml", "exe", "hta."))
                .allSatisfy(name -> assertThat(SafeFileName.isRunnable(SafeFileName.of(name))).as(name).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"заявление.pdf", "скан 2024.03.01.jpg", "archive.tar.zip", "report.pdf.pdf", "setup.exe"})
    void leavesOrdinaryNamesAlone(String name) {
        assertThat(SafeFileName.isSpoofed(name)).isFalse();
    }
}
