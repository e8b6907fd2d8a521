package org.supportintake.attachments.inspection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * The entries of one ZIP as its central directory lists them (APPNOTE 4.3.12): what unzip, 7-Zip
 * and Word read. {@link ZipWalker} reads the local headers in file order instead (APPNOTE 4.3.7),
 * so the two must describe the same archive: in order of their offsets the entries follow each
 * other from the first byte, with no gap and no overlap, each local header names its entry as the
 * directory does, the directory lists them in that order, and the directory and its end records follow
 * the last entry. Anything else can
 * show those tools an entry the walk never read (a program whose local header sits inside another
 * entry's stored data), so it is a {@link ZipException}. Reads one record at a time; holds at most
 * {@code maxEntries + 1} records. Not thread-safe; one per archive.
 */
final class CentralDirectory {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int DIRECTORY_HEADER = 0x02014b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END_SIZE = 22;
    private static final int LOCATOR_SIZE = 20;
    private static final long MAGIC = 0xFFFFFFFFL;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int UTF8_NAMES = 1 << 11;
    private static final int HAS_DESCRIPTOR = 1 << 3;

    /** One directory record: the name's bytes as stored, and where and how large its entry is. */
    private record Listed(byte[] name, int flags, int method, long compressedSize, long size, long crc, long offset) {
    }

    private final List<Listed> entries;
    private final long start;

    private CentralDirectory(List<Listed> entries, long start) {
        this.entries = entries;
        this.start = start;
    }

    /** Reads the directory the end record points to; stops after {@code maxEntries + 1} records. */
    static CentralDirectory read(FileChannel file, int maxEntries) throws IOException {
        long size = file.size();
        int tailLength = (int) Math.min(size, END_SIZE + 0xFFFF);
        ByteBuffer tail = bytes(file, size - tailLength, tailLength);
        int at = tailLength - END_SIZE;
        while (at >= 0 && tail.getInt(at) != END) {
            at--;
        }
        // Tools take the last end record they find; one whose comment does not reach the end hides another.
        if (at < 0 || at + END_SIZE + Short.toUnsignedInt(tail.getShort(at + 20)) != tailLength
                || tail.getShort(at + 4) != 0 || tail.getShort(at + 6) != 0) {
            throw new ZipException("no end of central directory record at the end");
        }
        long end = size - tailLength + at;
        long count = Short.toUnsignedInt(tail.getShort(at + 10));
        long length = Integer.toUnsignedLong(tail.getInt(at + 12));
        long offset = Integer.toUnsignedLong(tail.getInt(at + 16));
        long directoryEnd = end;
        if (end >= LOCATOR_SIZE && bytes(file, end - LOCATOR_SIZE, 4).getInt(0) == ZIP64_LOCATOR) {
            long record = bytes(file, end - LOCATOR_SIZE + 8, 8).getLong(0);
            ByteBuffer zip64 = bytes(file, record, 56);
            if (zip64.getInt(0) != ZIP64_END || record + 12 + zip64.getLong(4) != end - LOCATOR_SIZE) {
                throw new ZipException("zip64 end record is not where its locator says");
            }
            count = zip64.getLong(32);
            length = zip64.getLong(40);
            offset = zip64.getLong(48);
            directoryEnd = record;
        }
        if (offset < 0 || length < 0 || offset + length != directoryEnd) {
            throw new ZipException("central directory does not end where its end records start");
        }
        return records(file, offset, directoryEnd, count, maxEntries);
    }

    private static CentralDirectory records(FileChannel file, long start, long end, long count, int maxEntries)
            throws IOException {
        List<Listed> entries = new ArrayList<>();
        long at = start;
        while (at < end && entries.size() <= maxEntries) {
            ByteBuffer header = bytes(file, at, 46);
            if (header.getInt(0) != DIRECTORY_HEADER || header.getShort(34) != 0) {
                throw new ZipException("bad central directory record");
            }
            int nameLength = Short.toUnsignedInt(header.getShort(28));
            int extraLength = Short.toUnsignedInt(header.getShort(30));
            byte[] name = bytes(file, at + 46, nameLength).array();
            ByteBuffer extra = bytes(file, at + 46 + nameLength, extraLength);
            long size = Integer.toUnsignedLong(header.getInt(24));
            long compressedSize = Integer.toUnsignedLong(header.getInt(20));
            long offset = Integer.toUnsignedLong(header.getInt(42));
            // APPNOTE 4.5.3: the zip64 field holds, in this order, only the values that are all ones here.
            int field = zip64Field(extra) + 4;
            if (size == MAGIC) {
                size = longAt(extra, field);
                field += 8;
            }
            if (compressedSize == MAGIC) {
                compressedSize = longAt(extra, field);
                field += 8;
            }
            if (offset == MAGIC) {
                offset = longAt(extra, field);
            }
            entries.add(new Listed(name, Short.toUnsignedInt(header.getShort(8)), Short.toUnsignedInt(header.getShort(10)),
                    compressedSize, size,
                    Integer.toUnsignedLong(header.getInt(16)), offset));
            at += 46 + nameLength + extraLength + Short.toUnsignedInt(header.getShort(32));
        }
        if (entries.size() <= maxEntries && (at != end || entries.size() != count)) {
            throw new ZipException("central directory records do not fill the directory");
        }
        return new CentralDirectory(entries, start);
    }

    /** How many entries the directory lists, counted up to one past the limit given to {@link #read}. */
    int size() {
        return entries.size();
    }

    /**
     * What the entries say they inflate to, together; {@link Long#MAX_VALUE} when that does not fit a long. An
     * overlapping-entry bomb (many entries whose data is the same compressed bytes) tells here, before its layout.
     */
    long declaredSize() {
        long total = 0;
        for (Listed entry : entries) {
            if (entry.size() < 0 || entry.size() > Long.MAX_VALUE - total) {
                return Long.MAX_VALUE;
            }
            total += entry.size();
        }
        return total;
    }

    /**
     * The directory lists the entries in file order, each entry's local header is where the previous entry
     * ends and names it alike, and the last ends at the directory. Returns the stored entries that carry
     * a data descriptor, which the JDK's stream reader cannot read ({@link StoredWithDescriptor}).
     */
    List<StoredWithDescriptor.Entry> checkLocalHeaders(FileChannel file) throws IOException {
        List<StoredWithDescriptor.Entry> storedWithDescriptor = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            // Every archiver lists entries in the order it wrote them; another order serves only to confuse.
            if (entries.get(i).offset() <= entries.get(i - 1).offset()) {
                throw new ZipException("central directory lists entries out of file order");
            }
        }
        long expected = 0;
        for (Listed entry : entries) {
            if (entry.offset() != expected) {
                throw new ZipException("entries overlap or leave a gap");
            }
            ByteBuffer header = bytes(file, entry.offset(), 30);
            int nameLength = Short.toUnsignedInt(header.getShort(26));
            int extraLength = Short.toUnsignedInt(header.getShort(28));
            if (header.getInt(0) != LOCAL_HEADER
                    || !Arrays.equals(bytes(file, entry.offset() + 30, nameLength).array(), entry.name())) {
                throw new ZipException("local header does not name the entry the directory lists");
            }
            long dataEnd = entry.offset() + 30 + nameLength + extraLength + entry.compressedSize();
            expected = dataEnd;
            if (((entry.flags() | header.getShort(6)) & HAS_DESCRIPTOR) != 0) {
                boolean zip64 = zip64Field(bytes(file, entry.offset() + 30 + nameLength, extraLength)) >= 0;
                int descriptor = (bytes(file, dataEnd, 4).getInt(0) == DESCRIPTOR ? 4 : 0) + (zip64 ? 20 : 12);
                expected += descriptor;
                if (header.getShort(8) == 0 && entry.method() == 0 && !zip64 && entry.size() == entry.compressedSize()) {
                    storedWithDescriptor.add(new StoredWithDescriptor.Entry(entry.offset(), dataEnd, descriptor,
                            (int) entry.crc(), (int) entry.size()));
                }
            }
        }
        if (expected != start) {
            throw new ZipException("bytes between the last entry and the central directory");
        }
        return storedWithDescriptor;
    }

    /** The walk in file order read the same entries, with the same sizes, as the directory lists. */
    void checkWalked(List<ZipEntry> walked, Charset legacyNames) throws ZipException {
        if (walked.size() != entries.size()) {
            throw new ZipException("local headers and central directory list different entries");
        }
        for (int i = 0; i < walked.size(); i++) {
            ZipEntry read = walked.get(i);
            Listed listed = entries.get(i);
            Charset names = (listed.flags() & UTF8_NAMES) != 0 ? StandardCharsets.UTF_8 : legacyNames;
            if (!read.getName().equals(new String(listed.name(), names)) || read.getCompressedSize() != listed.compressedSize()
                    || read.getSize() != listed.size() || read.getCrc() != listed.crc()) {
                throw new ZipException("local headers and central directory describe entries differently");
            }
        }
    }

    /** Where the zip64 extended information field starts in {@code extra}, or -1 (APPNOTE 4.5.1). */
    private static int zip64Field(ByteBuffer extra) {
        int at = 0;
        while (at + 4 <= extra.limit()) {
            if (Short.toUnsignedInt(extra.getShort(at)) == ZIP64_EXTRA) {
                return at;
            }
            at += 4 + Short.toUnsignedInt(extra.getShort(at + 2));
        }
        return -1;
    }

    private static long longAt(ByteBuffer extra, int at) throws ZipException {
        if (at < 4 || at + 8 > extra.limit()) {
            throw new ZipException("zip64 field missing or short");
        }
        return extra.getLong(at);
    }

    /** Exactly {@code length} bytes at {@code position}, little-endian, or a ZipException when the file is shorter. */
    private static ByteBuffer bytes(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        if (position < 0) {
            throw new ZipException("offset before the start of the file");
        }
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("archive cut short");
            }
        }
        return buffer;
    }
}
