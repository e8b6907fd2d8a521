package org.supportintake.web.form;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A multipart file name's bytes, read as UTF-8 as browsers send them, else as windows-1251, as an old Russian
 * Windows client or script sends them: «Скан паспорта.pdf», not «���� ��������.pdf».
 */
final class FileNameBytes {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private FileNameBytes() {
    }

    /** {@code latin1} holds one byte a char (the header was read as ISO-8859-1). */
    static String decode(String latin1) {
        if (latin1.chars().allMatch(c -> c < 0x80) || latin1.chars().anyMatch(c -> c > 0xFF)) {
            return latin1;
        }
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1251);
        }
    }
}
