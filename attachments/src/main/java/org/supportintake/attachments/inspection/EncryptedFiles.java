package org.supportintake.attachments.inspection;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Files encrypted to someone's key, which nothing here can read: a CMS EnvelopedData or AuthEnvelopedData (an S/MIME
 * encrypted mail's {@code smime.p7m}, a document encrypted in КриптоАРМ) or an armoured PGP message (PGP/MIME's
 * {@code encrypted.asc}). Told by their first bytes; it chooses which reason a refused file is given, never whether.
 */
public final class EncryptedFiles {

    /** The DER of the OIDs id-envelopedData (1.2.840.113549.1.7.3) and id-ct-authEnvelopedData (…1.9.16.1.23). */
    private static final byte[] ENVELOPED = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
        0x07, 0x03};
    private static final byte[] AUTH_ENVELOPED = {0x06, 0x0b, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
        0x01, 0x09, 0x10, 0x01, 0x17};
    private static final byte[] PGP_ARMOUR = "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII);

    private EncryptedFiles() {
    }

    /** What an encrypted file is said to be, whatever a general detector took it for. */
    public static final String CMS = "application/pkcs7-mime";
    public static final String PGP = "application/pgp-encrypted";

    /** {@link #CMS} or {@link #PGP} for a file beginning with {@code header}'s first {@code length} bytes, if encrypted. */
    public static Optional<String> typeOf(byte[] header, int length) {
        if (isEnvelope(header, length)) {
            return Optional.of(CMS);
        }
        return startsWith(header, length, skipBlank(header, length), PGP_ARMOUR) ? Optional.of(PGP) : Optional.empty();
    }

    /** A ContentInfo: a SEQUENCE (of any length form) whose first element is one of the two content types. */
    private static boolean isEnvelope(byte[] header, int length) {
        if (length < 2 || header[0] != 0x30) {
            return false;
        }
        int first = header[1] & 0xff;
        int oid = first <= 0x80 ? 2 : 2 + (first & 0x7f);
        return startsWith(header, length, oid, ENVELOPED) || startsWith(header, length, oid, AUTH_ENVELOPED);
    }

    private static int skipBlank(byte[] header, int length) {
        int at = 0;
        while (at < length && (header[at] == ' ' || header[at] == '\r' || header[at] == '\n' || header[at] == '\t')) {
            at++;
        }
        return at;
    }

    private static boolean startsWith(byte[] header, int length, int at, byte[] prefix) {
        return at + prefix.length <= length && Arrays.equals(header, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
