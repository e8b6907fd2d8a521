package org.supportintake.attachments.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNameTest {

    @Test
    void nameGetsTheExtensionOfItsTypeOnlyWhenItLacksOne() {
        assertThat(DownloadName.of("скан", MediaTypes.PDF)).isEqualTo("скан.pdf");
        assertThat(DownloadName.of("run.hta", MediaTypes.PDF)).isEqualTo("run.hta.pdf");
        assertThat(DownloadName.of("screen.jpg", MediaTypes.PNG)).isEqualTo("screen.jpg.png");
        assertThat(DownloadName.of("договор.zip", MediaTypes.DOCX)).isEqualTo("договор.zip.docx");
        assertThat(DownloadName.of("СКАН.PDF", MediaTypes.PDF)).isEqualTo("СКАН.PDF");
        assertThat(DownloadName.of("фото.jfif", MediaTypes.JPEG)).isEqualTo("фото.jfif");
        assertThat(DownloadName.of("Fwd.eml", MediaTypes.EMAIL_MESSAGE)).isEqualTo("Fwd.eml");
    }

    @Test
    void nameWindowsReservesForADeviceIsSavedUnderAnotherName() {
        assertThat(DownloadName.of("CON", MediaTypes.PDF)).isEqualTo("_CON.pdf");
        assertThat(DownloadName.of("NUL.pdf", MediaTypes.PDF)).isEqualTo("_NUL.pdf");
        assertThat(DownloadName.of("com1.tar.docx", MediaTypes.DOCX)).isEqualTo("_com1.tar.docx");
        assertThat(DownloadName.of("Lpt9 .png", MediaTypes.PNG)).isEqualTo("_Lpt9 .png");
        assertThat(DownloadName.of("aux", MediaTypes.JPEG)).isEqualTo("_aux.jpg");
        assertThat(DownloadName.of("CONTRACT.pdf", MediaTypes.PDF)).isEqualTo("CONTRACT.pdf");
        assertThat(DownloadName.of("Con Edison.pdf", MediaTypes.PDF)).isEqualTo("Con Edison.pdf");
        assertThat(DownloadName.of("com10.pdf", MediaTypes.PDF)).isEqualTo("com10.pdf");
    }
}
