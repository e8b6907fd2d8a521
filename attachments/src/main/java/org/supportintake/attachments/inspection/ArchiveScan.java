package org.supportintake.attachments.inspection;

import java.util.List;

/** What walking a ZIP found: every entry (and whether it is a Word document), or why the walk stopped. */
public sealed interface ArchiveScan {

    /** Walked to the end within the limits. */
    record Walked(List<ArchiveEntry> entries, boolean wordDocument) implements ArchiveScan {
        public Walked {
            entries = List.copyOf(entries);
        }
    }

    /** Stopped early; nothing inside can be trusted. */
    record Stopped(ArchiveProblem problem) implements ArchiveScan {
    }
}
