package org.supportintake.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The content an opaque S/MIME signature wraps (RFC 8551 §3.5.2, {@code application/pkcs7-mime;
 * smime-type=signed-data}): the MIME entity inside a CMS SignedData (RFC 5652 §5.1), read from its BER without
 * checking the signature. Only ContentInfo → SignedData → encapContentInfo → eContent is walked; every length is
 * checked against the bytes there are, so a hostile structure yields nothing rather than a read past the end.
 * Thread-safe.
 */
final class SignedContent {

    /** 1.2.840.113549.1.7.2, id-signedData. */
    private static final byte[] SIGNED_DATA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02};
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OID = 0x06;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int CONSTRUCTED_OCTET_STRING = 0x24;
    private static final int CONTEXT_0 = 0xA0;
    private static final int MAX_NESTING = 16;

    private final byte[] bytes;
    private int nesting;

    private SignedContent(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The signed content, or empty when the bytes are no SignedData with its content inside (a detached one). */
    static Optional<byte[]> of(byte[] cms) {
        return new SignedContent(cms).content();
    }

    private Optional<byte[]> content() {
        Tlv info = tlv(0, bytes.length);
        if (info == null || info.tag != SEQUENCE) {
            return Optional.empty();
        }
        Tlv type = tlv(info.start, info.end);
        if (type == null || type.tag != OID || !Arrays.equals(value(type), SIGNED_DATA)) {
            return Optional.empty();
        }
        Tlv explicit = tlv(type.next, info.end);
        Tlv signedData = explicit == null || explicit.tag != CONTEXT_0 ? null : tlv(explicit.start, explicit.end);
        if (signedData == null || signedData.tag != SEQUENCE) {
            return Optional.empty();
        }
        Tlv version = tlv(signedData.start, signedData.end);
        Tlv digests = version == null || version.tag != INTEGER ? null : tlv(version.next, signedData.end);
        Tlv encapsulated = digests == null || digests.tag != SET ? null : tlv(digests.next, signedData.end);
        if (encapsulated == null || encapsulated.tag != SEQUENCE) {
            return Optional.empty();
        }
        Tlv contentType = tlv(encapsulated.start, encapsulated.end);
        Tlv wrapper = contentType == null ? null : tlv(contentType.next, encapsulated.end);
        Tlv octets = wrapper == null || wrapper.tag != CONTEXT_0 ? null : tlv(wrapper.start, wrapper.end);
        if (octets == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return octetsInto(octets, out, 0) ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    /** An OCTET STRING's bytes, its BER pieces joined when it is constructed (X.690 §8.7.3). */
    private boolean octetsInto(Tlv octets, ByteArrayOutputStream out, int depth) {
        if (octets.tag == OCTET_STRING) {
            out.write(bytes, octets.start, octets.end - octets.start);
            return true;
        }
        if (octets.tag != CONSTRUCTED_OCTET_STRING || depth > MAX_NESTING) {
            return false;
        }
        for (Tlv piece = tlv(octets.start, octets.end); piece != null; piece = tlv(piece.next, octets.end)) {
            if (!octetsInto(piece, out, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private byte[] value(Tlv tlv) {
        return Arrays.copyOfRange(bytes, tlv.start, tlv.end);
    }

    /** One BER element: its tag, where its contents start and end, and where the next element starts. */
    private record Tlv(int tag, int start, int end, int next) {
    }

    /** The element at {@code at}, within {@code limit}; null at an end-of-contents mark, at the limit, or when broken. */
    private Tlv tlv(int at, int limit) {
        if (at + 2 > limit || bytes[at] == 0 && bytes[at + 1] == 0) {
            return null;
        }
        int tag = bytes[at] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            return null; // a high tag number: none on the path walked here
        }
        int first = bytes[at + 1] & 0xFF;
        int start = at + 2;
        if (first < 0x80) {
            return within(tag, start, start + first, limit);
        }
        int lengthBytes = first & 0x7F;
        if (lengthBytes == 0) {
            return indefinite(tag, start, limit);
        }
        if (lengthBytes > 4 || start + lengthBytes > limit) {
            return null;
        }
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = length << 8 | bytes[start + i] & 0xFF;
        }
        start += lengthBytes;
        return length > limit - start ? null : within(tag, start, start + (int) length, limit);
    }

    private static Tlv within(int tag, int start, int end, int limit) {
        return end > limit ? null : new Tlv(tag, start, end, end);
    }

    /** X.690 §8.1.3.6: a constructed element whose contents run to an end-of-contents mark. */
    private Tlv indefinite(int tag, int start, int limit) {
        if ((tag & 0x20) == 0 || nesting >= MAX_NESTING) {
            return null; // primitive, or nested past any real signature: hostile
        }
        nesting++;
        try {
            int at = start;
            while (at + 2 <= limit) {
                if (bytes[at] == 0 && bytes[at + 1] == 0) {
                    return new Tlv(tag, start, at, at + 2);
                }
                Tlv inner = tlv(at, limit);
                if (inner == null) {
                    return null;
                }
                at = inner.next;
            }
            return null;
        } finally {
            nesting--;
        }
    }
}
