package org.supportintake.web.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.supportintake.web.view.RoutedPath;

/**
 * Where the gate sends a request that has no live session: the login page, with the way back to the page it came from
 * and why, so that an operator whose session ran out while writing an answer learns the answer was not sent and
 * returns to the ticket, not to the queue.
 */
final class SignInAgain {

    /** The login page's parameter saying why: the session ended, or it ended and a post was not carried out. */
    static final String ENDED = "ended";
    static final String SESSION_ENDED = "session";
    static final String ACTION_NOT_DONE = "action";

    private SignInAgain() {
    }

    /** The login page's address for {@code request}; {@code hadSession}: it carried a session cookie no longer live. */
    static String location(HttpServletRequest request, boolean hadSession) {
        boolean post = "POST".equals(request.getMethod());
        String back = post ? formPage(RoutedPath.of(request))
                : request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String why = post ? ACTION_NOT_DONE : hadSession ? SESSION_ENDED : "";
        return StaffGate.LOGIN + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)
                + (why.isEmpty() ? "" : "&" + ENDED + "=" + why);
    }

    /** What the login page tells about {@code ended}, if anything. */
    static Optional<String> notice(String ended) {
        if (ACTION_NOT_DONE.equals(ended)) {
            return Optional.of("Сеанс завершился, поэтому действие не выполнено и введённый текст не сохранён. "
                    + "Войдите снова и повторите действие.");
        }
        return SESSION_ENDED.equals(ended)
                ? Optional.of("Сеанс завершился: долго не было действий или был выполнен выход. Войдите снова.")
                : Optional.empty();
    }

    /**
     * The page whose form posted to {@code path}: the ticket or the set-aside mail for a move on it
     * ({@code /staff/tickets/26-0004217-9/resolve}), the page itself for a form that posts to its own address.
     */
    private static String formPage(String path) {
        String[] segments = path.split("/");
        boolean moveOnOne = segments.length == 5 && (segments[2].equals("tickets") || segments[2].equals("failed"));
        return moveOnOne ? String.join("/", segments[0], segments[1], segments[2], segments[3]) : path;
    }
}
