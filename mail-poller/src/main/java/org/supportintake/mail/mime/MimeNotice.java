package org.supportintake.mail.mime;

import java.util.regex.Pattern;

/**
 * The note mailers write into a multipart's preamble for readers that do not know MIME («This is a multi-part message
 * in MIME format.», Outlook's «Это составное сообщение в формате MIME.»): short, and naming MIME. Not a person's text.
 */
final class MimeNotice {

    private static final int LONGEST = 500;
    private static final Pattern NAMES_MIME = Pattern.compile("(?i)\\bMIME\\b");

    private MimeNotice() {
    }

    static boolean is(String text) {
        return text.length() <= LONGEST && NAMES_MIME.matcher(text).find();
    }
}
