package org.supportintake.attachments.inspection;

/** One file inside an archive: its name as stored, its type by content, its inflated size, nesting depth (1 = top). */
public record ArchiveEntry(String name, String detectedType, long size, int depth) {
}
