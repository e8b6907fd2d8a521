package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowTest {

    @Test
    void everyFieldIsQuotedWithQuotesDoubled() {
        assertThat(CsvRow.of(List.of("26-0004217-9", "Жалоба; \"срочно\"", ""))).isEqualTo(
                "\"26-0004217-9\";\"Жалоба; \"\"срочно\"\"\";\"\"\r\n");
    }

    @Test
    void aFieldThatBeginsLikeAFormulaIsMadeText() {
        assertThat(CsvRow.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvRow.field("+7 912")).isEqualTo("\"'+7 912\"");
        assertThat(CsvRow.field("-1+2")).isEqualTo("\"'-1+2\"");
        assertThat(CsvRow.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvRow.field("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvRow.field("a=1")).isEqualTo("\"a=1\"");
    }
}
