package org.supportintake.attachments.inspection;

/** The media types the service talks about. */
public final class MediaTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ZIP = "application/zip";
    /** A forwarded email kept as a file. */
    public static final String EMAIL_MESSAGE = "message/rfc822";
    /** Tika's name for "an Office Open XML package of some kind". */
    static final String OOXML_CONTAINER = "application/x-tika-ooxml";

    private MediaTypes() {
    }
}
