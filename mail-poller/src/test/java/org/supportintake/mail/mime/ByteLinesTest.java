package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteLinesTest {

    @Test
    void findsEveryLineWithItsOffsetsWhereverTheReadsAndTheCrLfAreCut() throws IOException {
        Random random = new Random(16);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = round % 10 == 0 ? random.nextInt(40_000) : random.nextInt(40);
            while (text.length() < length) {
                text.append("ab\r\n-\u00D0".charAt(random.nextInt(6)));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            ByteLines lines = new ByteLines(new Trickle(bytes, random), 3);
            int start = 0;
            while (start < bytes.length) {
                int lf = text.indexOf("\n", start);
                int end = lf < 0 ? bytes.length : lf;
                int terminator = lf < 0 ? 0 : end > start && bytes[end - 1] == '\r' ? 2 : 1;
                int lineLength = end - start - (terminator == 2 ? 1 : 0);
                assertThat(lines.next()).isTrue();
                assertThat(new long[] {lines.start(), lines.length(), lines.terminator(), lines.end()}).as(text.toString())
                        .containsExactly(start, lineLength, terminator, start + lineLength + terminator);
                assertThat(lines.text()).isEqualTo(text.substring(start, start + Math.min(3, lineLength)));
                assertThat(lines.isWhole()).isEqualTo(lineLength <= 3);
                assertThat(lines.startsWith("ab")).isEqualTo(lineLength >= 2 && text.toString().startsWith("ab", start));
                start = lf < 0 ? bytes.length : lf + 1;
            }
            assertThat(lines.next()).isFalse();
        }
    }

    /** A stream that hands out a few bytes per read, so the buffer's edges fall anywhere. */
    private static final class Trickle extends ByteArrayInputStream {
        private final Random random;

        Trickle(byte[] bytes, Random random) {
            super(bytes);
            this.random = random;
        }

        @Override
        public synchronized int read(byte[] bytes, int offset, int length) {
            return super.read(bytes, offset, Math.min(length, 1 + random.nextInt(random.nextBoolean() ? 3 : 20_000)));
        }
    }
}
