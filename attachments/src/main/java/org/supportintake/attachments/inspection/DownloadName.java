package org.supportintake.attachments.inspection;

import java.util.List;

/**
 * The name a stored file is offered under for download: its safe name, with the extension of its
 * detected type added when the name does not end in one ({@code скан} → {@code скан.pdf},
 * {@code run.hta} → {@code run.hta.pdf}). A saved copy then opens only as what its bytes are, even
 * for a name stored before the rules that refuse it.
 */
public final class DownloadName {

    private DownloadName() {
    }

    /** {@code name} ending in an extension of {@code detectedType}; unchanged for a type we do not name. */
    public static String of(String name, String detectedType) {
        List<String> extensions = MediaTypes.extensions(detectedType);
        if (extensions.isEmpty() || extensions.contains(SafeFileName.extension(name))) {
            return name;
        }
        return name + "." + extensions.get(0);
    }
}
