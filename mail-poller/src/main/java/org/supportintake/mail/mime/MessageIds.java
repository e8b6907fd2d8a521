package org.supportintake.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code <id@host>} tokens of a Message-ID, In-Reply-To or References header (RFC 5322 §3.6.4), in order. */
public final class MessageIds {

    private static final Pattern ANGLE_ID = Pattern.compile("<[^<>\\s]+>");

    private MessageIds() {
    }

    /** Every id in a raw header value; empty for a missing (null) header. */
    public static List<String> in(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = ANGLE_ID.matcher(header);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
    }
}
