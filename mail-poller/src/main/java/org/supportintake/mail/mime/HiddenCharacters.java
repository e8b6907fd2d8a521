package org.supportintake.mail.mime;

import java.util.regex.Pattern;

import org.supportintake.core.validation.ControlCharacters;

/**
 * What the form refuses as control or invisible characters ({@link ControlCharacters}), removed from what an email
 * shows staff: bidi overrides that reorder a title, tag characters that hide words in it, and in the subject and
 * names the zero-width characters too (the text keeps those, as the form's description does). The mail is not
 * refused for them, nobody being there to fix it; the monitor says what was removed. Not thread-safe (the monitor).
 */
final class HiddenCharacters {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u2028\\u2029]");

    private final DecodeMonitor monitor;

    HiddenCharacters(DecodeMonitor monitor) {
        this.monitor = monitor;
    }

    /** A one-line value (the subject, a display name): line breaks become spaces. */
    String line(String value, String what) {
        return removed(value, false, what);
    }

    /** The text: line breaks, tabs and zero-width characters stay. */
    String text(String value, String what) {
        return removed(value, true, what);
    }

    private String removed(String value, boolean multiLine, String what) {
        String visible = ControlCharacters.removedFrom(value, multiLine);
        if (!visible.equals(value) && hidesSomething(value, multiLine)) {
            monitor.warn(what + " held control or invisible characters (bidi overrides, tag characters, zero-width"
                    + " spaces, control codes); they were removed");
        }
        return visible;
    }

    /** More than line breaks and tabs, which a one-line value only turns into spaces, without a word to say. */
    private static boolean hidesSomething(String value, boolean multiLine) {
        String spaced = LINE_BREAKS.matcher(value).replaceAll(" ");
        return !ControlCharacters.removedFrom(spaced, multiLine).equals(spaced);
    }

    /** The mailbox with its display name made one visible line; the address is judged as an address elsewhere. */
    MailAddress mailbox(MailAddress mailbox, String what) {
        String name = line(mailbox.name(), what);
        return name.equals(mailbox.name()) ? mailbox : new MailAddress(mailbox.address(), name);
    }
}
