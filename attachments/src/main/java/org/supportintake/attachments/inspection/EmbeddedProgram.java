package org.supportintake.attachments.inspection;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What inside a document can run: an executable or script by its first bytes or its name, an ActiveX
 * control (a COM component Office instantiates from the document, {@code word/activeX/activeX1.xml}
 * and its {@code .bin}), and an OLE object that runs code: a Packager object (an {@code oleObject*.bin}
 * compound file holding an {@code \1Ole10Native} stream), which wraps any file, a program included, that
 * Word starts on a double click, and an Equation Editor 3.0 object (its class id in the compound file), the
 * carrier of CVE-2017-11882 and CVE-2018-0802, whose editor Microsoft removed from Office in 2018 (MathType
 * objects, with their own class id, pass).
 */
final class EmbeddedProgram {

    /** A compound file's directory names its streams in UTF-16LE (MS-CFB §2.6.1). */
    static final BytePattern OLE_PACKAGE = new BytePattern("\u0001Ole10Native".getBytes(StandardCharsets.UTF_16LE));
    /** CLSID {0002CE02-0000-0000-C000-000000000046}, Equation.3, as a compound file stores it (MS-CFB §2.6.1, little-endian). */
    static final BytePattern OLE_EQUATION = new BytePattern(new byte[] {0x02, (byte) 0xCE, 0x02, 0x00, 0x00, 0x00, 0x00,
        0x00, (byte) 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46});
    private static final Pattern ACTIVE_X_PART = Pattern.compile("(?i)(^|.*/)activeX/activeX[^/]*\\.(bin|xml)");

    private static final byte[] COMPOUND_FILE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final byte[][] PROGRAM_STARTS = {
        {'M', 'Z'},                                             // DOS and Windows PE
        {0x7F, 'E', 'L', 'F'},                                  // ELF
        {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE},   // Mach-O 32-bit
        {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},   // Mach-O 64-bit
        {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},   // Mach-O 32-bit, little-endian
        {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},   // Mach-O 64-bit, little-endian
        {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},   // Mach-O universal, Java class
        {'#', '!'},                                             // a script with its interpreter
        {0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00},       // Windows shortcut (MS-SHLLINK)
    };

    private EmbeddedProgram() {
    }

    /**
     * Whether an entry is a program or script by its name or its first bytes. An embedded font
     * ({@code .odttf}) starts with 32 bytes XORed with a key (ECMA-376 Part 1, §17.8.1), which may
     * happen to read {@code MZ}: its name alone decides.
     */
    static boolean is(String entryName, byte[] header, int length) {
        return namedLikeProgram(entryName) || ACTIVE_X_PART.matcher(entryName.replace('\\', '/')).matches()
                || !entryName.toLowerCase(Locale.ROOT).endsWith(".odttf") && startsLikeProgram(header, length);
    }

    /** Whether the first bytes are those of a program or script. */
    private static boolean startsLikeProgram(byte[] header, int length) {
        for (byte[] start : PROGRAM_STARTS) {
            if (startsWith(header, length, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the entry's name gives it an extension Windows or a desktop runs. */
    private static boolean namedLikeProgram(String entryName) {
        String name = entryName.substring(entryName.replace('\\', '/').lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && RunnableExtensions.isProgram(name.substring(dot + 1).strip());
    }

    /** Whether the bytes are an OLE compound file, the container of embedded objects: look for a package inside. */
    static boolean isCompoundFile(byte[] header, int length) {
        return startsWith(header, length, COMPOUND_FILE);
    }

    private static boolean startsWith(byte[] header, int length, byte[] start) {
        if (length < start.length) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if (header[i] != start[i]) {
                return false;
            }
        }
        return true;
    }
}
