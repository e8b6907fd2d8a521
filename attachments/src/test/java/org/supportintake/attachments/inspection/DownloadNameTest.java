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
}
