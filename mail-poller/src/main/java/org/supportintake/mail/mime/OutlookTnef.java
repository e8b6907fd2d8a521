package org.supportintake.mail.mime;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files inside an Outlook {@code winmail.dat} (TNEF, [MS-OXTNEF]), which Outlook sends in place of the files a
 * citizen attached when a mail is written in rich text. Reads only what names and carries each file; anything it
 * does not understand ends the reading with nothing, so the caller judges {@code winmail.dat} whole as before.
 * Every length is checked against what is left, so hostile bytes cannot read past the buffer. Thread-safe.
 */
final class OutlookTnef {

    /** One file inside: its name ("" when it has none) and its bytes, empty when it carried none. */
    record TnefFile(String name, byte[] data) {
    }

    /** As many files as a mail may have MIME parts: more is no citizen's winmail.dat, and each would be named. */
    static final int MAX_FILES = MimeLimits.defaults().maxParts();
    private static final int SIGNATURE = 0x223E9F78;
    private static final int LEVEL_ATTACHMENT = 2;
    // [MS-OXTNEF] 2.1.3.3: attribute ids, the type in the high word
    private static final int ATT_ATTACH_REND_DATA = 0x00069002;
    private static final int ATT_ATTACH_TITLE = 0x00018010;
    private static final int ATT_ATTACH_DATA = 0x0006800F;
    private static final int ATT_ATTACHMENT = 0x00069005;
    private static final int ATT_OEM_CODEPAGE = 0x00069007;
    private static final int PR_ATTACH_LONG_FILENAME = 0x3707;
    private static final int PT_STRING8 = 0x001E;
    private static final int PT_UNICODE = 0x001F;
    private static final int MULTIPLE = 0x1000;

    private OutlookTnef() {
    }

    /** The files of a TNEF stream, in order; empty when the bytes are no TNEF or cannot be read to their end. */
    static Optional<List<TnefFile>> files(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 6 || in.getInt() != SIGNATURE) {
            return Optional.empty();
        }
        in.getShort(); // legacy key
        List<TnefFile> files = new ArrayList<>();
        Charset codepage = StandardCharsets.ISO_8859_1;
        boolean guessNames = true;
        String name = null;
        byte[] data = null;
        while (in.hasRemaining()) {
            if (in.remaining() < 9) {
                return Optional.empty();
            }
            int level = in.get();
            int id = in.getInt();
            int length = in.getInt();
            if (length < 0 || in.remaining() < length + 2L) {
                return Optional.empty();
            }
            byte[] value = new byte[length];
            in.get(value);
            in.getShort(); // checksum
            if (id == ATT_OEM_CODEPAGE && length >= 4) {
                Optional<Charset> named = CyrillicText.charsetFor("windows-" + ByteBuffer.wrap(value)
                        .order(ByteOrder.LITTLE_ENDIAN).getInt());
                codepage = named.orElse(codepage);
                guessNames = named.isEmpty();
            } else if (level == LEVEL_ATTACHMENT && id == ATT_ATTACH_REND_DATA) {
                if (name != null || data != null) {
                    files.add(new TnefFile(name == null ? "" : name, data == null ? new byte[0] : data));
                    if (files.size() > MAX_FILES) {
                        return Optional.empty();
                    }
                }
                name = null;
                data = null;
            } else if (level == LEVEL_ATTACHMENT && id == ATT_ATTACH_TITLE) {
                byte[] title = Arrays.copyOf(value, nulAt(value));
                name = guessNames ? TextDecoding.guess(title) : new String(title, codepage);
            } else if (level == LEVEL_ATTACHMENT && id == ATT_ATTACH_DATA) {
                data = value;
            } else if (level == LEVEL_ATTACHMENT && id == ATT_ATTACHMENT) {
                Optional<String> longName = longFileName(value, codepage);
                name = longName.filter(n -> !n.isBlank()).orElse(name);
            }
        }
        if (name != null || data != null) {
            files.add(new TnefFile(name == null ? "" : name, data == null ? new byte[0] : data));
        }
        return files.size() > MAX_FILES ? Optional.empty() : Optional.of(files);
    }

    /**
     * PR_ATTACH_LONG_FILENAME from an attachment's MAPI properties ([MS-OXTNEF] 2.1.3.4); empty when absent or when a
     * property before it is of a type this reader does not size.
     */
    private static Optional<String> longFileName(byte[] properties, Charset codepage) {
        ByteBuffer in = ByteBuffer.wrap(properties).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int count = in.getInt();
            for (int p = 0; p < count; p++) {
                int type = in.getShort() & 0xFFFF;
                int id = in.getShort() & 0xFFFF;
                if (id >= 0x8000) {
                    skipName(in);
                }
                if (id == PR_ATTACH_LONG_FILENAME && (type == PT_UNICODE || type == PT_STRING8)) {
                    in.getInt(); // one value
                    int length = in.getInt();
                    if (length < 0 || length > in.remaining()) {
                        return Optional.empty();
                    }
                    byte[] text = new byte[length];
                    in.get(text);
                    return Optional.of(type == PT_UNICODE
                            ? new String(text, StandardCharsets.UTF_16LE).replace("\0", "")
                            : new String(text, 0, nulAt(text), codepage));
                }
                if (!skipValue(in, type)) {
                    return Optional.empty();
                }
            }
        } catch (BufferUnderflowException | IllegalArgumentException truncated) {
            return Optional.empty(); // a length past the end: hostile or cut bytes carry no long name
        }
        return Optional.empty();
    }

    /** A named property's GUID and its number or name. */
    private static void skipName(ByteBuffer in) {
        skip(in, 16);
        int kind = in.getInt();
        if (kind == 0) {
            in.getInt();
        } else {
            skip(in, padded(in.getInt()));
        }
    }

    private static boolean skipValue(ByteBuffer in, int type) {
        int base = type & ~MULTIPLE;
        boolean variable = base == PT_STRING8 || base == PT_UNICODE || base == 0x0102 || base == 0x000D;
        int size = fixedSize(base);
        if (!variable && size < 0) {
            return false;
        }
        int values = variable || (type & MULTIPLE) != 0 ? in.getInt() : 1;
        if (values < 0) {
            return false;
        }
        for (int v = 0; v < values; v++) {
            skip(in, variable ? padded(in.getInt()) : size);
        }
        return true;
    }

    /** Bytes of one fixed-size value as TNEF writes it, padded to four; -1 for a type not known here. */
    private static int fixedSize(int type) {
        return switch (type) {
            case 0x0002, 0x0003, 0x0004, 0x000A, 0x000B -> 4;
            case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040 -> 8;
            case 0x0048 -> 16;
            default -> -1;
        };
    }

    private static int padded(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length");
        }
        return (length + 3) & ~3;
    }

    private static void skip(ByteBuffer in, int bytes) {
        in.position(in.position() + bytes); // IllegalArgumentException past the end
    }

    private static int nulAt(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }
}
