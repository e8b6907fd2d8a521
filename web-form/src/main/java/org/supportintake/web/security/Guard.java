package org.supportintake.web.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.supportintake.core.intake.IntakeOutcome;

/**
 * The rate limits citizens' pages and the API share: per client address (an IPv6 client by its /64, {@link ClientNetwork}),
 * per email address, per status lookup.
 */
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
        return submissionsPerAddress.acquire(ClientNetwork.of(request.getRemoteAddr()));
    }

    /**
     * How long a submission for this email must wait, if it must; takes nothing, so posts that are refused
     * cannot use up a citizen's allowance (see {@link #counted}).
     */
    public Optional<Duration> perEmail(String email) {
        String key = emailKey(email);
        return key.isEmpty() ? Optional.empty() : submissionsPerEmail.check(key);
    }

    /** Counts the submission against its email's allowance when it opened a ticket or added to one. */
    public void counted(IntakeOutcome outcome, String email) {
        String key = emailKey(email);
        boolean accepted = outcome instanceof IntakeOutcome.Created || outcome instanceof IntakeOutcome.FollowUp;
        if (accepted && !key.isEmpty()) {
            submissionsPerEmail.acquire(key);
        }
    }

    private static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Duration> lookup(HttpServletRequest request) {
        return lookupsPerAddress.acquire(ClientNetwork.of(request.getRemoteAddr()));
    }
}
