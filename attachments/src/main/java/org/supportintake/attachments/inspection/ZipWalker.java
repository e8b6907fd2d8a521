package org.supportintake.attachments.inspection;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Walks a ZIP as a stream, inflating every entry once to count real bytes (sizes in headers can
 * lie), detect each entry's type, descend into nested ZIPs, and read OPC content types. Stops at
 * the first limit crossed, and at what makes the archive untrustworthy whatever its entries' types:
 * an entry name leaving the folder, a VBA project, a program inside a document, a part a document
 * loads from outside ({@link RemoteParts}), a central directory
 * that lists other entries than the walk reads ({@link CentralDirectory}). A nested archive is
 * copied beside the staged file for that comparison (its directory is at its end) and deleted
 * after; nothing else is written. Thread-safe.
 */
public final class ZipWalker {

    /** Windows archivers write Cyrillic names in CP866 unless they set the UTF-8 flag (APPNOTE 4.4.4, bit 11). */
    private static final Charset LEGACY_NAMES = Charset.forName("IBM866");
    private static final int BUFFER = 64 * 1024;

    private final ContentDetector detector;

    public ZipWalker(ContentDetector detector) {
        this.detector = detector;
    }

    public ArchiveScan walk(Path zip, ArchiveLimits limits) {
        Walk walk;
        try {
            walk = new Walk(limits, Files.size(zip), zip.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged archive " + zip, e);
        }
        try {
            Level top = walk.level(zip, 1);
            return top.entries.isEmpty()
                    ? new ArchiveScan.Stopped(ArchiveProblem.CORRUPT)
                    : new ArchiveScan.Walked(top.isDocument() ? List.of() : top.entries, top.type());
        } catch (LimitCrossed crossed) {
            return new ArchiveScan.Stopped(crossed.problem, walk.declaredType());
        } catch (ZipException | IllegalArgumentException e) {
            // The JDK says "encrypted ZIP entry not supported" for general purpose bit 0 (APPNOTE 4.4.4).
            String message = String.valueOf(e.getMessage());
            return new ArchiveScan.Stopped(message.contains("encrypted") ? ArchiveProblem.ENCRYPTED : ArchiveProblem.CORRUPT,
                    walk.declaredType());
        } catch (EOFException e) {
            return new ArchiveScan.Stopped(ArchiveProblem.CORRUPT, walk.declaredType());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged archive " + zip, e);
        }
    }

    /** The entries of one archive level, its OPC content types if it has them, and whether a program is inside. */
    private static final class Level {
        private final List<ArchiveEntry> entries = new ArrayList<>();
        /** Every local header read, directories included, in file order: held against the central directory. */
        private final List<ZipEntry> headers = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private OfficeContentTypes contentTypes;
        private boolean program;
        private boolean remote;
        private boolean backslash;

        boolean isPackage() {
            return contentTypes != null;
        }

        boolean isWordDocument() {
            return isPackage() && !contentTypes.wordMainPart().isEmpty() && names.contains(contentTypes.wordMainPart());
        }

        /** A DOCX, XLSX or PPTX: an Office document, whose parts are not files of an archive. */
        boolean isDocument() {
            return isWordDocument() || isPackage() && !contentTypes.otherDocumentType().isEmpty();
        }

        String type() {
            return isWordDocument() ? MediaTypes.DOCX : isDocument() ? contentTypes.otherDocumentType() : MediaTypes.ZIP;
        }

        /** What the content types read so far say the package is, for a walk stopped before its main part. */
        String declaredType() {
            return isPackage() ? contentTypes.documentType() : MediaTypes.ZIP;
        }

        /**
         * A package (DOCX) hides its entries from the type policy, so what it may hold is checked here:
         * no program or script at any depth, nothing loaded from outside, part names with forward slashes only.
         */
        void checkPackage() {
            if (isPackage() && program) {
                throw new LimitCrossed(ArchiveProblem.EMBEDDED_EXECUTABLE);
            }
            if (isPackage() && remote) {
                throw new LimitCrossed(ArchiveProblem.REMOTE_OBJECT);
            }
            if (isPackage() && backslash) {
                throw new LimitCrossed(ArchiveProblem.UNSAFE_PATH);
            }
        }
    }

    /** The state of one walk: counters shared by every nesting level. */
    private final class Walk {
        private final ArchiveLimits limits;
        private final long compressedSize;
        private final Path scratch;
        private long inflated;
        private int entries;
        /** The outermost level, kept so that a stopped walk can still say what the file declared itself to be. */
        private Level top;

        Walk(ArchiveLimits limits, long compressedSize, Path scratch) {
            this.limits = limits;
            this.compressedSize = Math.max(compressedSize, 1);
            this.scratch = scratch;
        }

        /** Checks the layout against the central directory, walks the local headers, and compares the two. */
        Level level(Path archive, int depth) throws IOException {
            CentralDirectory directory;
            List<StoredWithDescriptor.Entry> storedWithDescriptor;
            try (FileChannel file = FileChannel.open(archive, StandardOpenOption.READ)) {
                directory = CentralDirectory.read(file, limits.maxEntries());
                if (directory.size() > limits.maxEntries()) {
                    throw new LimitCrossed(ArchiveProblem.TOO_MANY_ENTRIES);
                }
                // What the entries claim is what unzip would write out: a claim past the limits is a bomb,
                // whether its entries share their bytes (an overlapping bomb) or lie about their size.
                long declared = directory.declaredSize();
                if (declared > limits.maxInflatedBytes() - inflated) {
                    throw new LimitCrossed(ArchiveProblem.TOO_MUCH_INFLATED);
                }
                if (inflated + declared > (long) limits.maxRatio() * compressedSize && inflated + declared > BUFFER) {
                    throw new LimitCrossed(ArchiveProblem.RATIO_TOO_HIGH);
                }
                storedWithDescriptor = directory.checkLocalHeaders(file);
            }
            Level level;
            try (InputStream in = new StoredWithDescriptor(new BufferedInputStream(Files.newInputStream(archive), BUFFER),
                    storedWithDescriptor)) {
                level = walk(in, depth);
            }
            directory.checkWalked(level.headers, LEGACY_NAMES);
            return level;
        }

        /** The outermost archive's type as far as the walk got: an Office document by its content types, else a ZIP. */
        String declaredType() {
            return top == null ? MediaTypes.ZIP : top.declaredType();
        }

        private Level walk(InputStream in, int depth) throws IOException {
            Level level = new Level();
            if (depth == 1) {
                top = level;
            }
            ZipInputStream zip = new ZipInputStream(in, LEGACY_NAMES);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                level.headers.add(entry);
                if (++entries > limits.maxEntries()) {
                    throw new LimitCrossed(ArchiveProblem.TOO_MANY_ENTRIES);
                }
                if (ArchivePath.isUnsafe(entry.getName())) {
                    throw new LimitCrossed(ArchiveProblem.UNSAFE_PATH);
                }
                if (OfficeContentTypes.isMacroPart(entry.getName())) {
                    throw new LimitCrossed(ArchiveProblem.MACROS);
                }
                level.backslash |= entry.getName().indexOf('\\') >= 0;
                if (!entry.isDirectory()) {
                    entry(level, entry.getName(), new BufferedInputStream(new Counted(zip), BUFFER), depth);
                }
            }
            level.checkPackage();
            return level;
        }

        private void entry(Level level, String name, BufferedInputStream content, int depth) throws IOException {
            long before = inflated;
            level.names.add(name);
            content.mark(BUFFER);
            byte[] header = content.readNBytes(ContentDetector.HEADER_BYTES);
            content.reset();
            String type = detector.detect(header, header.length);
            level.program |= EmbeddedProgram.is(name, header, header.length);
            List<ArchiveEntry> inside = List.of();
            if (OfficeContentTypes.ENTRY_NAME.equals(name)) {
                level.contentTypes = OfficeContentTypes.read(content);
                if (level.contentTypes.macros()) {
                    throw new LimitCrossed(ArchiveProblem.MACROS);
                }
            } else if (ContentDetector.isZip(type)) {
                if (depth >= limits.maxDepth()) {
                    throw new LimitCrossed(ArchiveProblem.TOO_DEEP);
                }
                Level nested = nested(content, depth + 1);
                type = nested.type();
                inside = nested.isDocument() ? List.of() : nested.entries;
                level.program |= nested.program;
            } else if (EmbeddedProgram.isCompoundFile(header, header.length)) {
                level.program |= holdsRunnableObject(content);
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".rels")) {
                level.remote |= RemoteParts.loadedBy(content);
            } else if (HiddenArchive.looksAt(type) && HiddenArchive.in(content, type)) {
                // Unpacked, it is a polyglot like any other: a scan that an unzip tool opens as an archive.
                throw new LimitCrossed(ArchiveProblem.HIDDEN_ARCHIVE);
            }
            content.transferTo(OutputStream.nullOutputStream());
            if (!FolderMetadata.is(name, header, header.length)) {
                level.entries.add(new ArchiveEntry(name, type, inflated - before, depth));
            }
            level.entries.addAll(inside);
        }

        /**
         * Walks an archive inside an archive from a copy beside the staged file: its central directory
         * is at its end, out of reach of a stream. Its bytes are counted as they inflate into the copy.
         */
        private Level nested(InputStream content, int depth) throws IOException {
            Path copy = Files.createTempFile(scratch, "nested-", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(copy)) {
                    content.transferTo(out);
                }
                return level(copy, depth);
            } finally {
                Files.deleteIfExists(copy);
            }
        }

        /** Reads an OLE compound file to its end, looking for a Packager stream or the Equation Editor's class id. */
        private boolean holdsRunnableObject(InputStream content) throws IOException {
            BytePattern.Matcher packager = EmbeddedProgram.OLE_PACKAGE.matcher();
            BytePattern.Matcher equation = EmbeddedProgram.OLE_EQUATION.matcher();
            byte[] buffer = new byte[BUFFER];
            long position = 0;
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                packager.feed(buffer, n, position);
                equation.feed(buffer, n, position);
                position += n;
            }
            return packager.found() || equation.found();
        }

        private void count(long bytes) {
            inflated += bytes;
            if (inflated > limits.maxInflatedBytes()) {
                throw new LimitCrossed(ArchiveProblem.TOO_MUCH_INFLATED);
            }
            if (inflated > (long) limits.maxRatio() * compressedSize && inflated > BUFFER) {
                throw new LimitCrossed(ArchiveProblem.RATIO_TOO_HIGH);
            }
        }

        /** Counts what an entry inflates to as it is read, at every nesting level. */
        private final class Counted extends FilterInputStream {
            Counted(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public void close() {
                // The ZipInputStream stays open for the next entry.
            }
        }
    }

    /** A limit crossed mid-walk; unwinds every nesting level at once. */
    private static final class LimitCrossed extends RuntimeException {
        private final transient ArchiveProblem problem;

        LimitCrossed(ArchiveProblem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }
    }
}
