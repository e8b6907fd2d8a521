package org.supportintake.attachments.inspection;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a file manager adds when it packs a folder, which no citizen chose to send: macOS Finder's
 * {@code __MACOSX/._name} AppleDouble files (extended attributes, such as the quarantine mark every
 * downloaded scan carries) and {@code .DS_Store}, and Windows Explorer's {@code Thumbs.db}. Known by
 * name and first bytes together, so nothing else passes under such a name. They are walked and counted
 * like any entry, but not judged as files of the archive.
 */
final class FolderMetadata {

    /** AppleDouble header (RFC 1740, §3). */
    private static final byte[] APPLE_DOUBLE = {0x00, 0x05, 0x16, 0x07};
    /** A {@code .DS_Store} starts with a 1 and the buddy allocator's magic. */
    private static final byte[] DS_STORE = {0x00, 0x00, 0x00, 0x01, 'B', 'u', 'd', '1'};
    private static final byte[] COMPOUND_FILE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1};
    private static final String MAC_FOLDER = "__MACOSX/";

    private FolderMetadata() {
    }

    static boolean is(String entryName, byte[] header, int length) {
        String path = entryName.replace('\\', '/');
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return path.startsWith(MAC_FOLDER) && name.startsWith("._") && startsWith(header, length, APPLE_DOUBLE)
                || name.equals(".ds_store") && startsWith(header, length, DS_STORE)
                || name.equals("thumbs.db") && startsWith(header, length, COMPOUND_FILE);
    }

    private static boolean startsWith(byte[] header, int length, byte[] start) {
        return length >= start.length && Arrays.equals(header, 0, start.length, start, 0, start.length);
    }
}
