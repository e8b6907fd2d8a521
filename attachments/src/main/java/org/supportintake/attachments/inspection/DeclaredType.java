package org.supportintake.attachments.inspection;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The media type a sender declared, reduced to what it can mean: a lower-case {@code type/subtype}
 * in RFC 6838's restricted names (§4.2), parameters dropped; anything else (255 characters of
 * junk, a NUL, a line break) declares nothing. Only ever a claim: the stored type of a file is the
 * one detected from its bytes.
 */
public final class DeclaredType {

    private static final Pattern RESTRICTED_NAME = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private DeclaredType() {
    }

    /** {@code "Image/PNG; name=x.png"} → {@code "image/png"}; not a media type → {@code ""}. */
    public static String canonical(String declared) {
        if (declared == null) {
            return "";
        }
        int parameters = declared.indexOf(';');
        String type = (parameters < 0 ? declared : declared.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash < 0 || !RESTRICTED_NAME.matcher(type.substring(0, slash)).matches()
                || !RESTRICTED_NAME.matcher(type.substring(slash + 1)).matches()) {
            return "";
        }
        return type;
    }
}
