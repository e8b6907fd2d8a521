package org.supportintake.attachments.inspection;

/** Why an archive could not be walked to its end, or what found inside it makes it untrustworthy. */
public enum ArchiveProblem {
    /** Not a readable ZIP, truncated, or its central directory and local headers list different entries. */
    CORRUPT,
    /** An entry is encrypted, so its content cannot be checked. */
    ENCRYPTED,
    /** More entries than {@link ArchiveLimits#maxEntries()}. */
    TOO_MANY_ENTRIES,
    /** Inflates past {@link ArchiveLimits#maxInflatedBytes()}. */
    TOO_MUCH_INFLATED,
    /** Inflates past {@link ArchiveLimits#maxRatio()} times its compressed size. */
    RATIO_TOO_HIGH,
    /** Archives nested deeper than {@link ArchiveLimits#maxDepth()}. */
    TOO_DEEP,
    /** An entry name that leaves the folder it is unpacked into ({@code ../x}, {@code /etc/x}, {@code C:x}), or a backslash in a DOCX. */
    UNSAFE_PATH,
    /** A VBA project, or content types that declare macros: a DOCM, whatever its name says. */
    MACROS,
    /** A document (an OPC package) holding a program, a script or an OLE Packager object. */
    EMBEDDED_EXECUTABLE,
    /** A document (an OPC package) that loads an object, a template or a frame from outside it when opened. */
    REMOTE_OBJECT,
    /** A document or picture inside the archive that carries a ZIP of its own ({@link HiddenArchive}). */
    HIDDEN_ARCHIVE
}
