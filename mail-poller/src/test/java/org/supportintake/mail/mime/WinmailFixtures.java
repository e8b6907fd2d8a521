package org.supportintake.mail.mime;

import java.nio.charset.Charset;

/** Outlook winmail.dat files for tests outside this package. */
public final class WinmailFixtures {

    private WinmailFixtures() {
    }

    /** A winmail.dat of a Russian Outlook holding one file under a Cyrillic long name. */
    public static byte[] withCyrillicPdf(String name, byte[] data) {
        return new TnefBytes().codepage(1251).file("FILE~1.PDF", Charset.forName("windows-1251"), data, name).bytes();
    }
}
