package org.supportintake.web.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/** The rate limits citizens' pages and the API share: per client address, per email address, per status lookup. */
public final class Guard {

    private final RateLimiter submissionsPerAddress;
    private final RateLimiter submissionsPerEmail;
    private final RateLimiter lookupsPerAddress;

    public Guard(RateLimiter submissionsPerAddress, RateLimiter submissionsPerEmail, RateLimiter lookupsPerAddress) {
        this.submissionsPerAddress = submissionsPerAddress;
        this.submissionsPerEmail = submissionsPerEmail;
        this.lookupsPerAddress = lookupsPerAddress;
    }

    /** How long the client must wait before it may submit again, if it must. */
    public Optional<Duration> perAddress(HttpServletRequest request) {
        return submissionsPerAddress.acquire(request.getRemoteAddr());
    }

    public Optional<Duration> perEmail(String email) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        return key.isEmpty() ? Optional.empty() : submissionsPerEmail.acquire(key);
    }

    public Optional<Duration> lookup(HttpServletRequest request) {
        return lookupsPerAddress.acquire(request.getRemoteAddr());
    }
}
