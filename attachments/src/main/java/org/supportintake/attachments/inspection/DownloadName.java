package org.supportintake.attachments.inspection;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The name a stored file is offered under for download: its safe name, with the extension of its
 * detected type added when the name does not end in one ({@code скан} → {@code скан.pdf},
 * {@code run.hta} → {@code run.hta.pdf}). A saved copy then opens only as what its bytes are, even
 * for a name stored before the rules that refuse it. A name Windows reserves for a device
 * ({@code CON}, {@code NUL.pdf}, {@code com1.tar.gz}: the part before the first dot) gets a {@code _}
 * in front, or saving it would write to the device or fail.
 */
public final class DownloadName {

    /** Microsoft's "Naming Files, Paths, and Namespaces": these names, with any extension, are devices. */
    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]"
            + "|lpt[0-9\u00b9\u00b2\u00b3]|conin\\$|conout\\$)\\s*(\\..*)?");

    private DownloadName() {
    }

    /** {@code name} ending in an extension of {@code detectedType}; unchanged for a type we do not name. */
    public static String of(String name, String detectedType) {
        String saved = DEVICE.matcher(name).matches() ? "_" + name : name;
        List<String> extensions = MediaTypes.extensions(detectedType);
        if (extensions.isEmpty() || extensions.contains(SafeFileName.extension(saved))) {
            return saved;
        }
        return saved + "." + extensions.get(0);
    }
}
