package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The block readers of base64 and quoted-printable decode exactly as the old one-byte-per-call
 * readers did, wherever a block ends: inside a quartet, an escape, a soft break or the padding.
 */
class TransferDecodingInBlocksTest {

    private static final int BLOCK = 8 * 1024;

    @Test
    void base64QuartetSplitAtTheBlockEdgeIsCarriedOver() throws IOException {
        String text = "A".repeat(BLOCK - 4) + "\r\n" + "QU" + "JD" + "REVG";
        BodyDecoding.Damage damage = new BodyDecoding.Damage();
        byte[] decoded = readAll(new Base64Input(stream(text), damage), new Random(1));
        assertThat(decoded.length).isEqualTo((BLOCK - 4) / 4 * 3 + 6);
        assertThat(new String(decoded, decoded.length - 6, 6, StandardCharsets.ISO_8859_1)).isEqualTo("ABCDEF");
        assertThat(damage.seen()).isFalse();
    }

    @Test
    void base64PaddingAtTheBlockEdgeEndsTheTextAndTextAfterItIsDamage() throws IOException {
        String ended = "A".repeat(BLOCK - 4) + "\r\nQQ" + "==" + "\r\n";
        BodyDecoding.Damage clean = new BodyDecoding.Damage();
        byte[] decoded = readAll(new Base64Input(stream(ended), clean), new Random(2));
        assertThat(decoded.length).isEqualTo((BLOCK - 4) / 4 * 3 + 1);
        assertThat(decoded[decoded.length - 1]).isEqualTo((byte) 'A');
        assertThat(clean.seen()).isFalse();

        BodyDecoding.Damage damaged = new BodyDecoding.Damage();
        readAll(new Base64Input(stream(ended + "-".repeat(BLOCK) + "QUJD"), damaged), new Random(3));
        assertThat(damaged.seen()).isTrue();
    }

    @Test
    void quotedPrintableEscapeSplitAtTheBlockEdgeIsDecoded() throws IOException {
        String text = "a".repeat(BLOCK - 2) + "=D" + "0=B" + "F=\r\n=\r" + "\nb";
        byte[] decoded = readAll(new QuotedPrintableInput(stream(text)), new Random(4));
        String tail = new String(decoded, decoded.length - 3, 3, StandardCharsets.ISO_8859_1);
        assertThat(tail).isEqualTo("\u00D0\u00BFb");
        assertThat(decoded.length).isEqualTo(BLOCK - 2 + 3);
    }

    @Test
    void base64DecodesAsTheOneByteReaderForAnyCutOfTheText() throws IOException {
        Random random = new Random(16);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int round = 0; round < 400; round++) {
            String text = noise(random, alphabet.repeat(6) + "\r\n -*\u00D0=", round);
            assertSameAsOneByteReader(text, random, in -> {
                BodyDecoding.Damage damage = new BodyDecoding.Damage();
                return new Decoder(new Base64Input(in, damage), damage);
            }, in -> {
                BodyDecoding.Damage damage = new BodyDecoding.Damage();
                return new Decoder(new ByteByByteDecoders.Base64(in, damage), damage);
            });
        }
    }

    @Test
    void quotedPrintableDecodesAsTheOneByteReaderForAnyCutOfTheText() throws IOException {
        Random random = new Random(6);
        for (int round = 0; round < 400; round++) {
            String text = noise(random, "====aF09 \t\t\r\n\r\nxyzG\u00D0", round);
            assertSameAsOneByteReader(text, random, in -> new Decoder(new QuotedPrintableInput(in), null),
                    in -> new Decoder(new ByteByByteDecoders.QuotedPrintable(in), null));
        }
    }

    private record Decoder(InputStream in, BodyDecoding.Damage damage) {
        boolean damaged() {
            return damage != null && damage.seen();
        }
    }

    private static void assertSameAsOneByteReader(String text, Random random, Function<InputStream, Decoder> blocks,
            Function<InputStream, Decoder> oneByte) throws IOException {
        Decoder expected = oneByte.apply(stream(text));
        byte[] want = expected.in().readAllBytes();
        Decoder actual = blocks.apply(new Trickle(text.getBytes(StandardCharsets.ISO_8859_1), random));
        assertThat(readAll(actual.in(), random)).as("decoded %s", text).isEqualTo(want);
        assertThat(actual.damaged()).as("damage in %s", text).isEqualTo(expected.damaged());
    }

    /** Text of up to a few blocks, mostly short; now and then a long run of one character. */
    private static String noise(Random random, String characters, int round) {
        int length = round % 10 == 0 ? random.nextInt(3 * BLOCK) : random.nextInt(64);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            char c = characters.charAt(random.nextInt(characters.length()));
            text.append(String.valueOf(c).repeat(random.nextInt(8) == 0 ? 1 + random.nextInt(20) : 1));
        }
        return text.toString();
    }

    /** Reads with read() and with read(byte[]) of random lengths in turn, as callers do. */
    private static byte[] readAll(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[2 * BLOCK];
        while (true) {
            if (random.nextInt(4) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
            } else {
                int n = in.read(buffer, 1, random.nextInt(buffer.length - 1));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 1, n);
            }
        }
        return out.toByteArray();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A stream that hands out a few bytes per read, so block edges fall anywhere. */
    private static final class Trickle extends ByteArrayInputStream {
        private final Random random;

        Trickle(byte[] bytes, Random random) {
            super(bytes);
            this.random = random;
        }

        @Override
        public synchronized int read(byte[] bytes, int offset, int length) {
            return super.read(bytes, offset, Math.min(length, 1 + random.nextInt(random.nextBoolean() ? 5 : BLOCK)));
        }
    }
}
