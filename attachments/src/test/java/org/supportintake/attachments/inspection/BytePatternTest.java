package org.supportintake.attachments.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BytePatternTest {

    private static final BytePattern EOF = new BytePattern("%%EOF".getBytes(StandardCharsets.US_ASCII));

    @Test
    void findsAMatchSplitAcrossReadsOfOneByteEach() {
        byte[] text = "xx%%%EOF\nyy".getBytes(StandardCharsets.US_ASCII);
        BytePattern.Matcher matcher = EOF.matcher();
        for (int i = 0; i < text.length; i++) {
            matcher.feed(new byte[] {text[i]}, 1, i);
        }
        assertThat(matcher.lastEnd()).isEqualTo(8);
    }

    @Test
    void remembersTheLastOfSeveralMatches() {
        byte[] text = "%%EOF then %%EOF".getBytes(StandardCharsets.US_ASCII);
        BytePattern.Matcher matcher = EOF.matcher();
        matcher.feed(text, text.length, 100);
        assertThat(matcher.lastEnd()).isEqualTo(100 + text.length);
        assertThat(EOF.matcher().found()).isFalse();
    }
}
