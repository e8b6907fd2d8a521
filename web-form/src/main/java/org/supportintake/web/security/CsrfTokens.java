package org.supportintake.web.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Double-submit CSRF tokens: a random value in a SameSite=Strict, HttpOnly cookie and the same value
 * in the form; a post whose two do not match did not come from our page. Thread-safe.
 */
public final class CsrfTokens {

    public static final String FIELD = "csrfToken";
    static final String COOKIE = "intake_csrf";
    private final SecureRandom random = new SecureRandom();
    private final boolean secureCookies;

    /** {@code secureCookies}: the public address is https, so the cookie is {@code Secure} whatever the hop before us. */
    public CsrfTokens(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** The page's token: the one already in the cookie, or a new one set now. */
    public String issue(HttpServletRequest request, HttpServletResponse response) {
        return cookie(request).orElseGet(() -> {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String token = HexFormat.of().formatHex(bytes);
            response.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                    + (secureCookies || request.isSecure() ? "; Secure" : ""));
            return token;
        });
    }

    public boolean matches(HttpServletRequest request, String formToken) {
        return cookie(request).map(cookie -> MessageDigest.isEqual(bytes(cookie), bytes(formToken))).orElse(false);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[0-9a-f]{48}"))
                .map(Cookie::getValue).findFirst();
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.US_ASCII);
    }
}
