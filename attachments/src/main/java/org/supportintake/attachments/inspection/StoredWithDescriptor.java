package org.supportintake.attachments.inspection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A ZIP read as a stream, with its stored entries that carry a data descriptor (APPNOTE 4.3.9: sizes and CRC
 * after the data, as Go's {@code archive/zip} and Python's {@code zipfile} write to a stream) made readable by the
 * JDK's {@code ZipInputStream}, which refuses them: each such local header gets the CRC and sizes the central
 * directory gives, without the descriptor flag, and the descriptor itself is left out. Only entries whose layout
 * {@link CentralDirectory#checkLocalHeaders} has checked are patched, at the offsets it found. Not thread-safe.
 */
final class StoredWithDescriptor extends FilterInputStream {

    /** One such entry: where its local header starts and its data ends, the descriptor's length, CRC and size. */
    record Entry(long header, long dataEnd, int descriptorLength, int crc, int size) {
    }

    private static final int FLAGS = 6;
    private static final int CRC = 14;
    private static final int LOCAL_HEADER_END = 26;
    private static final int HAS_DESCRIPTOR = 1 << 3;

    private final Deque<Entry> ahead;
    private long position;

    StoredWithDescriptor(InputStream zip, List<Entry> entries) {
        super(zip);
        this.ahead = new ArrayDeque<>(entries);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Entry next = ahead.peekFirst();
        if (next != null && position == next.dataEnd()) {
            in.skipNBytes(next.descriptorLength());
            position += next.descriptorLength();
            ahead.removeFirst();
            next = ahead.peekFirst();
        }
        int wanted = next == null ? length : (int) Math.min(length, next.dataEnd() - position);
        int n = in.read(buffer, offset, wanted);
        if (n > 0 && next != null) {
            patch(next, buffer, offset, n);
        }
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /** Writes the directory's values over the header fields that fall in the bytes just read. */
    private void patch(Entry entry, byte[] buffer, int offset, int n) {
        byte[] fields = new byte[LOCAL_HEADER_END - FLAGS];
        long start = entry.header() + FLAGS;
        for (int i = 0; i < fields.length; i++) {
            long at = start + i;
            if (at >= position && at < position + n) {
                fields[i] = buffer[offset + (int) (at - position)];
            }
        }
        fields[0] &= (byte) ~HAS_DESCRIPTOR;
        int crcAt = CRC - FLAGS;
        for (int i = 0; i < 4; i++) {
            fields[crcAt + i] = (byte) (entry.crc() >>> (8 * i));
            fields[crcAt + 4 + i] = (byte) (entry.size() >>> (8 * i));
            fields[crcAt + 8 + i] = (byte) (entry.size() >>> (8 * i));
        }
        for (int i = 0; i < fields.length; i++) {
            long at = start + i;
            if (at >= position && at < position + n) {
                buffer[offset + (int) (at - position)] = fields[i];
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
