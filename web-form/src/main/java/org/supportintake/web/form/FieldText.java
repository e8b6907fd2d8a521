package org.supportintake.web.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.fileupload2.core.ParameterParser;

/**
 * A text field's bytes as text. Browsers send UTF-8, the page's charset. A client that names a charset for the part
 * (RFC 7578, section 4.4: {@code Content-Type: text/plain; charset=windows-1251}) or for the whole body is read in it;
 * bytes that are not UTF-8 and name no charset are windows-1251, as an old Russian Windows client or script sends
 * them, as file names are read ({@link FileNameBytes}): «Иванова», not «�������». A leading byte-order mark belongs to
 * the encoding, not to what the citizen wrote.
 */
final class FieldText {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private FieldText() {
    }

    /** Reads at most {@code maxBytes} of a field; a field cut there loses only the bytes past it, not its charset. */
    static String read(InputStream content, int maxBytes, Optional<Charset> named) throws IOException {
        byte[] bytes = content.readNBytes(maxBytes);
        boolean complete = bytes.length < maxBytes || content.read() < 0;
        return decode(ByteBuffer.wrap(bytes), complete, named);
    }

    static String decode(ByteBuffer bytes, boolean complete, Optional<Charset> named) {
        String text = named.map(charset -> lenient(charset, bytes, complete))
                .or(() -> strictUtf8(bytes, complete))
                .orElseGet(() -> lenient(WINDOWS_1251, bytes, complete));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The charset a {@code Content-Type} names, when Java knows it. */
    static Optional<Charset> named(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        String name = parser.parse(contentType, ';').get("charset");
        try {
            return name == null || name.isBlank() ? Optional.empty()
                    : Optional.of(Charset.forName(name.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<String> strictUtf8(ByteBuffer bytes, boolean complete) {
        try {
            return Optional.of(decode(StandardCharsets.UTF_8.newDecoder(), bytes, complete));
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static String lenient(Charset charset, ByteBuffer bytes, boolean complete) {
        try {
            return decode(charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE), bytes, complete);
        } catch (CharacterCodingException cannotHappen) {
            throw new IllegalStateException("a replacing decoder reported an error", cannotHappen);
        }
    }

    /** An incomplete last character of a field that was cut is left out, not taken for a wrong charset. */
    private static String decode(CharsetDecoder decoder, ByteBuffer bytes, boolean complete)
            throws CharacterCodingException {
        ByteBuffer in = bytes.duplicate();
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 4);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            result.throwException();
        }
        if (complete) {
            decoder.flush(out);
        }
        return out.flip().toString();
    }
}
