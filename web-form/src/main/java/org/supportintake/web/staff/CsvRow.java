package org.supportintake.web.staff;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of a CSV file for Excel: every field quoted, quotes doubled, CRLF at the end; a field that begins like a
 * formula ({@code = + - @}, or a tab or carriage return that some programs skip) gets a leading apostrophe, so a
 * citizen's text never runs as a formula on a supervisor's computer (OWASP "CSV injection").
 */
final class CsvRow {

    private CsvRow() {
    }

    static String of(List<String> fields) {
        return fields.stream().map(CsvRow::field).collect(Collectors.joining(";", "", "\r\n"));
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
