package org.supportintake.attachments.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A ZIP written byte by byte, every entry stored (APPNOTE 4.3), so that a test can make its central
 * directory and its local headers disagree, as crafted archives do. Names are UTF-8 (flag bit 11).
 */
public final class RawZip {

    /** What the auditor's archive put in front of the hidden local header. */
    private static final byte[] PADDING = "%PDF-1.4 padding%PDF-1.4 padding".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
    private int listed;

    /** An ordinary entry: its local header and data, listed in the directory. */
    public RawZip entry(String name, byte[] data) {
        return listed(name, data, unlistedAt(name, data));
    }

    /** An entry the local headers have and the directory does not list. */
    public RawZip unlisted(String name, byte[] data) {
        unlistedAt(name, data);
        return this;
    }

    /** Lists {@code name} in the directory with its local header at {@code offset}, wherever that is. */
    public RawZip listed(String name, byte[] data, long offset) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        directory.writeBytes(header(46 + bytes.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                .putShort((short) (1 << 11)).putShort((short) 0).putInt(0).putInt(crc(data)).putInt(data.length)
                .putInt(data.length).putShort((short) bytes.length).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(bytes).array());
        listed++;
        return this;
    }

    /**
     * {@code carrier} whose stored data is 32 bytes of padding followed by the local header and data of
     * {@code hidden}; both listed. A walk in file order sees the carrier only; unzip, 7-Zip and Word see both.
     */
    public RawZip hiding(String carrier, String hidden, byte[] data) {
        byte[] inner = concat(PADDING, local(hidden, data));
        long carrierAt = unlistedAt(carrier, inner);
        listed(carrier, inner, carrierAt);
        return listed(hidden, data, carrierAt + 30 + carrier.getBytes(StandardCharsets.UTF_8).length + PADDING.length);
    }

    /** Bytes between entries that no header accounts for. */
    public RawZip gap(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        byte[] central = directory.toByteArray();
        byte[] end = header(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) listed)
                .putShort((short) listed).putInt(central.length).putInt(body.size()).putShort((short) 0).array();
        return concat(concat(body.toByteArray(), central), end);
    }

    private long unlistedAt(String name, byte[] data) {
        long at = body.size();
        body.writeBytes(local(name, data));
        return at;
    }

    private static byte[] local(String name, byte[] data) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return header(30 + bytes.length + data.length).putInt(0x04034b50).putShort((short) 20).putShort((short) (1 << 11))
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(crc(data)).putInt(data.length)
                .putInt(data.length).putShort((short) bytes.length).putShort((short) 0).put(bytes).put(data).array();
    }

    private static ByteBuffer header(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return TestFiles.concat(first, second);
    }
}
