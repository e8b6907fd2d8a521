package org.supportintake.attachments.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Real files built in memory for tests: documents, images, archives, executables, bombs. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A minimal valid one-page PDF. */
    public static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    /** A small picture in any format ImageIO writes ({@code gif}, {@code bmp}, {@code tiff} …). */
    public static byte[] image(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(8, 8, 40, 20);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal Word document (OPC package: content types, relationships, main part). */
    public static byte[] docx() {
        return docx(true);
    }

    /** As {@link #docx()}, with {@code [Content_Types].xml} first or last in the archive. */
    public static byte[] docx(boolean contentTypesFirst) {
        return docx(contentTypesFirst, WORD_MAIN_PART, Map.of());
    }

    /** A Word document that also holds {@code extraParts} (embeddings, a VBA project …). */
    public static byte[] docxWith(Map<String, byte[]> extraParts) {
        return docx(true, WORD_MAIN_PART, extraParts);
    }

    /**
     * A macro-enabled Word document (DOCM) as Word saves it: the main part declared
     * {@code macroEnabled} and the VBA project in {@code word/vbaProject.bin}.
     */
    public static byte[] docm() {
        return docx(true, "application/vnd.ms-word.document.macroEnabled.main+xml",
                Map.of("word/vbaProject.bin", compoundFile("VBA")));
    }

    /** A Word document whose main part is declared {@code mainPartType}, holding {@code extraParts}. */
    public static byte[] docx(boolean contentTypesFirst, String mainPartType, Map<String, byte[]> extraParts) {
        Map<String, byte[]> parts = wordParts(mainPartType);
        byte[] contentTypes = parts.remove("[Content_Types].xml");
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        if (contentTypesFirst) {
            ordered.put("[Content_Types].xml", contentTypes);
        }
        ordered.putAll(parts);
        ordered.putAll(extraParts);
        if (!contentTypesFirst) {
            ordered.put("[Content_Types].xml", contentTypes);
        }
        return zip(ordered);
    }

    /** The parts of a minimal Word document, content types first, for tests that write the archive themselves. */
    public static Map<String, byte[]> wordParts(String mainPartType) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"" + mainPartType + "\"/></Types>"));
        parts.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
        parts.put("word/document.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>Заявление</w:t></w:r></w:p></w:body></w:document>"));
        return parts;
    }

    /** A relationships part ({@code *.rels}) holding one relationship of {@code type} to {@code target}, external. */
    public static byte[] externalRelationship(String type, String target) {
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId996\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + type + "\" Target=\"" + target + "\" TargetMode=\"External\"/></Relationships>");
    }

    /** The content type of a Word document's main part, and of a macro-enabled one (DOCM). */
    public static final String WORD_MAIN_PART =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public static final String MACRO_ENABLED_MAIN_PART = "application/vnd.ms-word.document.macroEnabled.main+xml";

    /**
     * The start of an OLE compound file (MS-CFB) whose directory names one stream {@code streamName},
     * as an embedded object's {@code oleObject1.bin} does: enough for what we look at.
     */
    public static byte[] compoundFile(String streamName) {
        byte[] bytes = new byte[3 * 512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        byte[] root = "Root Entry".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(root, 0, bytes, 1024, root.length);
        byte[] stream = streamName.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(stream, 0, bytes, 1024 + 128, stream.length);
        return bytes;
    }

    /** An OLE Packager object ({@code \1Ole10Native}) wrapping a Windows program, as "Insert → Object → Package" makes. */
    public static byte[] olePackage() {
        byte[] directory = compoundFile("\u0001Ole10Native");
        byte[] program = pe();
        byte[] bytes = java.util.Arrays.copyOf(directory, directory.length + program.length);
        System.arraycopy(program, 0, bytes, directory.length, program.length);
        return bytes;
    }

    /** {@code first} followed by {@code second}, as {@code cat first second} writes it. */
    public static byte[] concat(byte[] first, byte[] second) {
        byte[] bytes = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, bytes, first.length, second.length);
        return bytes;
    }

    /** An ELF executable header, as Linux binaries start. */
    public static byte[] elf() {
        byte[] bytes = new byte[512];
        byte[] magic = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        bytes[16] = 2;
        bytes[18] = 0x3E;
        return bytes;
    }

    /** A Windows PE executable header ("MZ" stub pointing at "PE\0\0"). */
    public static byte[] pe() {
        byte[] bytes = new byte[1024];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3C] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 0x4E, stub.length);
        return bytes;
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, StandardCharsets.UTF_8);
    }

    /** A ZIP whose names are written in {@code charset} (CP866 without the UTF-8 flag, as old Windows archivers do). */
    public static byte[] zip(Map<String, byte[]> entries, Charset charset) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, charset)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One entry of {@code inflatedBytes} zeros: a few hundred KB that inflate to far more. */
    public static byte[] zipBomb(long inflatedBytes) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("report.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, inflatedBytes - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * David Fifield's "better zip bomb" (2019), the quoted-overlap kind: one deflated kernel of zeros that every
     * entry ends in; entry i's data starts with a stored deflate block quoting the local header of entry i+1, so
     * each entry is the whole rest of the file and inflates to the kernel and more. The central directory is
     * honest about sizes and offsets; unzip writes {@code entries} files of at least {@code kernelBytes} each.
     */
    public static byte[] overlappingBomb(int entries, int kernelBytes) {
        byte[] kernelData = new byte[kernelBytes];
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
        deflater.setInput(kernelData);
        deflater.finish();
        var kernel = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            kernel.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[][] names = new byte[entries][];
        byte[][] compressed = new byte[entries][];
        long[] sizes = new long[entries];
        int[] crcs = new int[entries];
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(kernelData);
        names[entries - 1] = ("scan" + (entries - 1) + ".pdf").getBytes(StandardCharsets.US_ASCII);
        compressed[entries - 1] = kernel.toByteArray();
        sizes[entries - 1] = kernelBytes;
        crcs[entries - 1] = (int) crc.getValue();
        for (int i = entries - 2; i >= 0; i--) {
            names[i] = ("scan" + i + ".pdf").getBytes(StandardCharsets.US_ASCII);
            byte[] next = localHeader(names[i + 1], crcs[i + 1], compressed[i + 1].length, sizes[i + 1]);
            ByteBuffer quote = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0)
                    .putShort((short) next.length).putShort((short) ~next.length);
            compressed[i] = concat(concat(quote.array(), next), compressed[i + 1]);
            sizes[i] = next.length + sizes[i + 1];
            // crc32_combine would do it in O(1); a test recomputes it from the bytes, once per entry.
            crc.reset();
            crc.update(next);
            for (int j = i + 1; j < entries - 1; j++) {
                crc.update(localHeader(names[j + 1], crcs[j + 1], compressed[j + 1].length, sizes[j + 1]));
            }
            crc.update(kernelData);
            crcs[i] = (int) crc.getValue();
        }
        var out = new ByteArrayOutputStream();
        out.writeBytes(localHeader(names[0], crcs[0], compressed[0].length, sizes[0]));
        out.writeBytes(compressed[0]);
        int directoryStart = out.size();
        long offset = 0;
        for (int i = 0; i < entries; i++) {
            out.writeBytes(ByteBuffer.allocate(46 + names[i].length).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                    .putInt(0).putInt(crcs[i]).putInt(compressed[i].length).putInt((int) sizes[i])
                    .putShort((short) names[i].length).putLong(0).putInt(0).putInt((int) offset).put(names[i]).array());
            offset += 30 + names[i].length + 5;
        }
        out.writeBytes(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putInt(0)
                .putShort((short) entries).putShort((short) entries).putInt(out.size() - directoryStart)
                .putInt(directoryStart).putShort((short) 0).array());
        return out.toByteArray();
    }

    private static byte[] localHeader(byte[] name, int crc, int compressedSize, long size) {
        return ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50)
                .putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0).putInt(crc)
                .putInt(compressedSize).putInt((int) size).putShort((short) name.length).putShort((short) 0)
                .put(name).array();
    }

    /**
     * A ZIP of stored entries written as a stream writer does (Go's {@code archive/zip}, Python's {@code zipfile}
     * to a pipe): general purpose bit 3, zero CRC and sizes in each local header, a data descriptor after the data
     * (with or without its optional signature), the true values in the central directory.
     */
    public static byte[] storedWithDescriptors(Map<String, byte[]> entries, boolean descriptorSignature) {
        var out = new ByteArrayOutputStream();
        var directory = new ByteArrayOutputStream();
        for (var entry : entries.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.getValue();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            int offset = out.size();
            short flags = (short) (1 << 3 | 1 << 11);
            out.writeBytes(ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50)
                    .putShort((short) 20).putShort(flags).putShort((short) 0).putInt(0).putInt(0).putInt(0).putInt(0)
                    .putShort((short) name.length).putShort((short) 0).put(name).array());
            out.writeBytes(data);
            ByteBuffer descriptor = ByteBuffer.allocate(descriptorSignature ? 16 : 12).order(ByteOrder.LITTLE_ENDIAN);
            if (descriptorSignature) {
                descriptor.putInt(0x08074b50);
            }
            out.writeBytes(descriptor.putInt((int) crc.getValue()).putInt(data.length).putInt(data.length).array());
            directory.writeBytes(ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50)
                    .putShort((short) 20).putShort((short) 20).putShort(flags).putShort((short) 0).putInt(0)
                    .putInt((int) crc.getValue()).putInt(data.length).putInt(data.length).putShort((short) name.length)
                    .putLong(0).putInt(0).putInt(offset).put(name).array());
        }
        int directoryStart = out.size();
        out.writeBytes(directory.toByteArray());
        out.writeBytes(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putInt(0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(directory.size())
                .putInt(directoryStart).putShort((short) 0).array());
        return out.toByteArray();
    }

    /** A ZIP whose entry is marked encrypted (general purpose bit 0, APPNOTE 4.4.4), as password tools write it. */
    public static byte[] encryptedZip() {
        byte[] zip = zip(Map.of("passport.pdf", pdf()));
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                zip[i + 6] |= 1;
            } else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
            }
        }
        return zip;
    }

    /** {@code size} bytes that start like a PNG, for size limits. */
    public static byte[] pngOfSize(int size) {
        byte[] bytes = new byte[size];
        byte[] png = png();
        System.arraycopy(png, 0, bytes, 0, Math.min(png.length, size));
        return bytes;
    }

    public static byte[] pdfOfSize(int size) {
        byte[] bytes = new byte[size];
        byte[] pdf = pdf();
        System.arraycopy(pdf, 0, bytes, 0, Math.min(pdf.length, size));
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An endless-looking stream of {@code length} bytes that counts how many were read. */
    public static final class CountingStream extends InputStream {
        private final long length;
        private long read;

        public CountingStream(long length) {
            this.length = length;
        }

        public long bytesRead() {
            return read;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - read);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'A');
            read += n;
            return n;
        }
    }
}
