package org.supportintake.core.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.staff.StaffSession;
import org.supportintake.core.staff.StaffSessions;
import org.supportintake.core.submission.Coded;

/** {@link StaffSessions} in {@code staff_session}; the last use is written at most once a minute per session. */
public final class JdbcStaffSessions implements StaffSessions {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration idle;

    public JdbcStaffSessions(Jdbi jdbi, Clock clock, Duration idle) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idle = idle;
    }

    @Override
    public String open(StaffMember member) {
        String cookie = randomToken();
        Instant now = clock.instant();
        jdbi.useHandle(h -> {
            // Sessions idle past their time are deleted as new ones open: the table stays the size of who is at work.
            h.createUpdate("delete from staff_session where last_seen_at < :stale")
                    .bind("stale", SqlValues.timestamp(now.minus(idle))).execute();
            h.createUpdate("insert into staff_session (id_hash, account_id, csrf_token, created_at, last_seen_at) "
                            + "values (:hash, :account, :csrf, :now, :now)")
                    .bind("hash", hash(cookie)).bind("account", member.id()).bind("csrf", randomToken())
                    .bind("now", SqlValues.timestamp(now)).execute();
        });
        return cookie;
    }

    @Override
    public Optional<StaffSession> resume(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = hash(cookieValue);
        return jdbi.withHandle(h -> h.createQuery("select s.csrf_token, s.last_seen_at, a.id, a.login, a.role "
                        + "from staff_session s join staff_account a on a.id = s.account_id "
                        + "where s.id_hash = :hash and a.disabled = false and s.last_seen_at >= :fresh")
                .bind("hash", hash).bind("fresh", SqlValues.timestamp(now.minus(idle)))
                .map((row, ctx) -> new Found(new StaffSession(new StaffMember(row.getLong("id"), row.getString("login"),
                        Coded.byCode(Role.class, row.getString("role")).orElseThrow()), row.getString("csrf_token")),
                        SqlValues.instant(row, "last_seen_at")))
                .findOne()
                .map(found -> {
                    if (found.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
                        h.createUpdate("update staff_session set last_seen_at = :now where id_hash = :hash")
                                .bind("now", SqlValues.timestamp(now)).bind("hash", hash).execute();
                    }
                    return found.session();
                }));
    }

    @Override
    public void close(String cookieValue) {
        if (cookieValue != null && !cookieValue.isEmpty() && cookieValue.length() <= 100) {
            jdbi.useHandle(h -> h.createUpdate("delete from staff_session where id_hash = :hash")
                    .bind("hash", hash(cookieValue)).execute());
        }
    }

    /** 256 random bits, URL-safe. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 in hex: how session cookies and API tokens are stored. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    private record Found(StaffSession session, Instant lastSeen) {
    }
}
