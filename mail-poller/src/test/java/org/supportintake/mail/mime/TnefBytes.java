package org.supportintake.mail.mime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A winmail.dat as Outlook writes it ([MS-OXTNEF]), built attribute by attribute for tests. */
final class TnefBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TnefBytes() {
        out.writeBytes(le(0x223E9F78));
        out.writeBytes(new byte[] {1, 0}); // legacy key
    }

    /** attOemCodepage: the code page of 8-bit names, as a Russian Windows writes it (1251). */
    TnefBytes codepage(int codepage) {
        return attribute(1, 0x00069007, concat(le(codepage), le(866)));
    }

    /** One attached file: attAttachRendData, attAttachTitle in {@code titleCharset}, attAttachData, and when a long name is given attAttachment with PR_ATTACH_LONG_FILENAME. */
    TnefBytes file(String title, Charset titleCharset, byte[] data, String longName) {
        attribute(2, 0x00069002, new byte[14]);
        attribute(2, 0x00018010, concat(title.getBytes(titleCharset), new byte[1]));
        attribute(2, 0x0006800F, data);
        if (longName != null) {
            byte[] name = (longName + "\0").getBytes(StandardCharsets.UTF_16LE);
            ByteArrayOutputStream props = new ByteArrayOutputStream();
            props.writeBytes(le(2));
            props.writeBytes(le(0x0E200003)); // PR_ATTACH_SIZE, PT_LONG
            props.writeBytes(le(data.length));
            props.writeBytes(le(0x3707001F)); // PR_ATTACH_LONG_FILENAME, PT_UNICODE
            props.writeBytes(le(1));
            props.writeBytes(le(name.length));
            props.writeBytes(name);
            props.writeBytes(new byte[(4 - name.length % 4) % 4]);
            attribute(2, 0x00069005, props.toByteArray());
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private TnefBytes attribute(int level, int id, byte[] data) {
        out.write(level);
        out.writeBytes(le(id));
        out.writeBytes(le(data.length));
        out.writeBytes(data);
        int sum = 0;
        for (byte b : data) {
            sum += b & 0xFF;
        }
        out.writeBytes(new byte[] {(byte) sum, (byte) (sum >> 8)});
        return this;
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
