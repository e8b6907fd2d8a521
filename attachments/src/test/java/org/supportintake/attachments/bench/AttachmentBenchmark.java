package org.supportintake.attachments.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.testing.TestFiles;

/**
 * Inspecting and storing 20 files of 10 MB (10 PDFs, 10 ZIPs of PDFs) through {@code AttachmentBatch},
 * beside a plain copy of the same bytes (and a plain copy forced to disk, as the store does), best of
 * three rounds each. Run with {@code -Xmx64m} by {@code bench/attachments.sh}: a file held whole in the
 * heap would not fit.
 */
public final class AttachmentBenchmark {

    private static final int FILES = 20;
    private static final int SIZE = 10_000_000;
    private static final int ROUNDS = 3;

    private AttachmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-attachments");
        deleteTree(work);
        List<Path> inputs = generate(Files.createDirectories(work.resolve("input")));
        long bytes = 0;
        for (Path input : inputs) {
            bytes += Files.size(input);
        }
        double copy = 0;
        double copySynced = 0;
        double inspect = 0;
        for (int round = 0; round < ROUNDS; round++) {
            copy = Math.max(copy, rate(bytes, () -> copyAll(inputs, work.resolve("copy"), false)));
            copySynced = Math.max(copySynced, rate(bytes, () -> copyAll(inputs, work.resolve("copy"), true)));
            inspect = Math.max(inspect, rate(bytes, () -> inspectAll(inputs, work.resolve("store"))));
        }
        System.out.printf(Locale.ROOT, "files: %d x %.1f MB, max heap %d MB, peak heap used %.1f MB%n", FILES,
                SIZE / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeap() / 1e6);
        System.out.printf(Locale.ROOT, "plain copy            %8.1f MB/s%n", copy);
        System.out.printf(Locale.ROOT, "plain copy + fsync    %8.1f MB/s%n", copySynced);
        System.out.printf(Locale.ROOT, "inspect + store       %8.1f MB/s   ratio to plain copy %.2f, to copy + fsync %.2f%n",
                inspect, inspect / copy, inspect / copySynced);
        deleteTree(work);
    }

    private static List<Path> generate(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Random random = new Random(42);
        byte[] chunk = new byte[1 << 16];
        for (int i = 0; i < FILES; i++) {
            boolean zip = i % 2 == 1;
            Path file = dir.resolve("file" + i + (zip ? ".zip" : ".pdf"));
            try (OutputStream out = Files.newOutputStream(file)) {
                if (zip) {
                    ZipOutputStream archive = new ZipOutputStream(out);
                    for (int entry = 0; entry < 4; entry++) {
                        archive.putNextEntry(new ZipEntry("scan" + entry + ".pdf"));
                        writePdf(archive, SIZE / 4 - 400, random, chunk);
                        archive.closeEntry();
                    }
                    archive.finish();
                } else {
                    writePdf(out, SIZE, random, chunk);
                }
            }
            files.add(file);
        }
        return files;
    }

    /** A PDF header followed by incompressible bytes, as scanned documents mostly are. */
    private static void writePdf(OutputStream out, int size, Random random, byte[] chunk) throws IOException {
        byte[] header = TestFiles.pdf();
        out.write(header);
        for (int written = header.length; written < size; written += chunk.length) {
            random.nextBytes(chunk);
            out.write(chunk, 0, Math.min(chunk.length, size - written));
        }
    }

    private static void copyAll(List<Path> inputs, Path dir, boolean force) throws IOException {
        Files.createDirectories(dir);
        for (Path input : inputs) {
            Path target = dir.resolve(input.getFileName());
            try (InputStream in = Files.newInputStream(input);
                 FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(java.nio.channels.Channels.newOutputStream(channel));
                if (force) {
                    channel.force(true);
                }
            }
        }
        deleteTree(dir);
    }

    private static void inspectAll(List<Path> inputs, Path dir) throws IOException {
        AttachmentInspector inspector = new AttachmentInspector(new FileStore(dir));
        for (Path input : inputs) {
            try (InputStream in = Files.newInputStream(input)) {
                ReceivedFile file = inspector.batch(AttachmentPolicy.email()).receive(input.getFileName().toString(), "", in);
                if (!file.verdict().isAccepted()) {
                    throw new IllegalStateException(input + " was not accepted: " + file.verdict());
                }
            }
        }
        deleteTree(dir);
    }

    private static double rate(long bytes, Work work) throws IOException {
        long started = System.nanoTime();
        work.run();
        return bytes / 1e6 / ((System.nanoTime() - started) / 1e9);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** One measured piece of work. */
    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }
}
