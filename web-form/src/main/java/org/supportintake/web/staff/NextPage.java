package org.supportintake.web.staff;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;

/**
 * Where the login page sends a member once signed in: the staff page they were on, given as {@code next}. Only a
 * path under {@code /staff} on this site is taken; anything else ({@code //host}, {@code https://…}, backslashes,
 * dot segments, encoded or not, control characters) sends them to the queue instead, so the login page cannot be
 * used to send a member to another site.
 */
final class NextPage {

    static final String HOME = "/staff";
    private static final int MAX_LENGTH = 2000;

    private NextPage() {
    }

    static String of(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || !printableAscii(raw)) {
            return HOME;
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return HOME;
        }
        String path = uri.getPath();
        if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !isStaffPath(path)) {
            return HOME;
        }
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Checked decoded, as the browser will read it: {@code %2e%2e} is a dot segment there. */
    private static boolean isStaffPath(String path) {
        if (!(path.equals(HOME) || path.startsWith(HOME + "/")) || path.contains("//") || !printableAscii(path)
                || path.equals(StaffGate.LOGIN) || path.equals(LogoutPage.PATH)) {
            return false;
        }
        return Arrays.stream(path.split("/", -1)).noneMatch(segment -> segment.equals(".") || segment.equals(".."));
    }

    private static boolean printableAscii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
    }
}
