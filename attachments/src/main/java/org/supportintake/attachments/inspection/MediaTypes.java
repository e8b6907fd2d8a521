package org.supportintake.attachments.inspection;

import java.util.List;
import java.util.Map;

/** The media types the service talks about. */
public final class MediaTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ZIP = "application/zip";
    /** A spreadsheet and a presentation: OOXML packages too, told apart from DOCX and ZIP by their content types. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    /** A forwarded email kept as a file. */
    public static final String EMAIL_MESSAGE = "message/rfc822";
    /** Tika's name for "an Office Open XML package of some kind". */
    static final String OOXML_CONTAINER = "application/x-tika-ooxml";

    /** The extensions a name of each type ends in; the first is the one we give a name that has none of them. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            PDF, List.of("pdf"), JPEG, List.of("jpg", "jpeg", "jpe", "jfif"), PNG, List.of("png"), DOCX, List.of("docx"),
            ZIP, List.of("zip"), EMAIL_MESSAGE, List.of("eml"));

    private MediaTypes() {
    }

    /** The extensions (lower case, no dot) of {@code type}, the usual one first; empty for a type we do not name. */
    public static List<String> extensions(String type) {
        return EXTENSIONS.getOrDefault(type, List.of());
    }
}
