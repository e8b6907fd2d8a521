package org.supportintake.attachments.inspection;

import java.util.regex.Pattern;

/**
 * Entry names that would escape the folder an archive is unpacked into ("Zip Slip"): a {@code ..}
 * segment, an absolute path, a drive letter, a control character; and names no file system holds, a
 * segment over 255 characters (NTFS and ext4 stop there; unpackers cut such a name or fail on it). Backslashes count as separators,
 * as Windows tools read them, so {@code ..\x} is caught while {@code папка\скан.pdf} (as .NET
 * Framework's archiver wrote names) is not. An OPC package (DOCX) names its parts with forward
 * slashes only (ECMA-376 Part 2, §6.2.2.2), so a backslash there is refused by {@link ZipWalker}.
 */
final class ArchivePath {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final int MAX_SEGMENT = 255;

    private ArchivePath() {
    }

    static boolean isUnsafe(String entryName) {
        String path = entryName.replace('\\', '/');
        if (path.startsWith("/") || DRIVE.matcher(path).find() || path.chars().anyMatch(Character::isISOControl)) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.strip().equals("..") || segment.length() > MAX_SEGMENT) {
                return true;
            }
        }
        return false;
    }
}
