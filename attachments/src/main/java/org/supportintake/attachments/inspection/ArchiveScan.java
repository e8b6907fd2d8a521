package org.supportintake.attachments.inspection;

import java.util.List;

/** What walking a ZIP found: what it is and every entry, or why the walk stopped. */
public sealed interface ArchiveScan {

    /**
     * Walked to the end within the limits: a plain {@link MediaTypes#ZIP} and its entries, or an Office document
     * ({@link MediaTypes#DOCX}, {@link MediaTypes#XLSX}, {@link MediaTypes#PPTX}), whose parts are no entries.
     */
    record Walked(List<ArchiveEntry> entries, String type) implements ArchiveScan {
        public Walked {
            entries = List.copyOf(entries);
        }

        public boolean wordDocument() {
            return MediaTypes.DOCX.equals(type);
        }
    }

    /**
     * Stopped early; nothing inside can be trusted. {@code type} is what the archive declared itself to be before the
     * walk stopped: an Office document by its content types ({@link MediaTypes#DOCX} …), else {@link MediaTypes#ZIP}.
     */
    record Stopped(ArchiveProblem problem, String type) implements ArchiveScan {
        /** Stopped before anything said the archive was more than a ZIP. */
        public Stopped(ArchiveProblem problem) {
            this(problem, MediaTypes.ZIP);
        }
    }
}
