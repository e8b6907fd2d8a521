package org.supportintake.core.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.staff.AccountChange;
import org.supportintake.core.staff.LockoutRule;
import org.supportintake.core.staff.LoginName;
import org.supportintake.core.staff.LoginOutcome;
import org.supportintake.core.staff.Passwords;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffAdministration;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.submission.Coded;

/**
 * Staff accounts in {@code staff_account}, API tokens in {@code staff_token} (as SHA-256), failed sign-ins counted in
 * {@code login_failure} ({@link LoginFailures}), every sign-in and change written to the audit. Thread-safe.
 */
public final class JdbcStaffAccounts implements StaffAccounts, StaffAdministration {

    private static final DateTimeFormatter MOSCOW_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(SlaCalendar.MOSCOW);
    private static final String ACCOUNT = "select id, login, role, password_hash, disabled from staff_account ";

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;
    private final LoginFailures failures;
    private final Passwords passwords;

    /** With {@link LockoutRule#STANDARD} and {@link Passwords#standard()}. */
    public JdbcStaffAccounts(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this(jdbi, audit, clock, LockoutRule.STANDARD, Passwords.standard());
    }

    public JdbcStaffAccounts(Jdbi jdbi, AuditTrail audit, Clock clock, LockoutRule rule, Passwords passwords) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.failures = new LoginFailures(jdbi, rule);
        this.passwords = passwords;
    }

    @Override
    public LoginOutcome logIn(String login, char[] password, String address) {
        Instant now = clock.instant();
        String tried = login == null ? "" : SqlValues.varchar(login.strip(), LoginName.MAX_LENGTH);
        String from = address == null ? "" : address;
        LoginFailures.Keys keys = LoginFailures.keys(tried, from);
        Optional<Instant> locked = failures.lockedUntil(keys, now);
        if (locked.isPresent()) {
            record(now, tried, from, AuditAction.LOGIN_FAILED, "вход заблокирован до " + moscow(locked.get()));
            return new LoginOutcome.LockedOut(locked.get());
        }
        Optional<Account> account = LoginName.parse(tried).flatMap(this::account);
        boolean matches = account.isPresent() ? passwords.matches(password, account.get().passwordHash())
                : passwords.matchesNothing();
        if (matches && !account.get().disabled()) {
            failures.clear(keys.login());
            record(now, account.get().member().login(), from, AuditAction.LOGIN, "");
            return new LoginOutcome.SignedIn(account.get().member());
        }
        Optional<Instant> lock = failures.count(keys, now);
        String why = account.isEmpty() ? "неизвестный логин"
                : account.get().disabled() ? "учётная запись отключена" : "неверный пароль";
        record(now, tried, from, AuditAction.LOGIN_FAILED,
                why + lock.map(until -> "; вход заблокирован до " + moscow(until)).orElse(""));
        return lock.<LoginOutcome>map(LoginOutcome.LockedOut::new).orElseGet(LoginOutcome.Refused::new);
    }

    @Override
    public Optional<StaffMember> byApiToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("select a.id, a.login, a.role from staff_token t "
                        + "join staff_account a on a.id = t.account_id "
                        + "where t.token_hash = :hash and t.revoked_at is null and a.disabled = false")
                .bind("hash", JdbcStaffSessions.hash(token))
                .map((row, ctx) -> new StaffMember(row.getLong("id"), row.getString("login"),
                        Coded.byCode(Role.class, row.getString("role")).orElseThrow()))
                .findOne());
    }

    @Override
    public AccountChange add(String login, Role role, char[] password, String actor) {
        Optional<String> name = LoginName.parse(login);
        if (name.isEmpty()) {
            return new AccountChange.LoginInvalid(login == null ? "" : login.strip());
        }
        if (Passwords.length(password) < Passwords.MIN_LENGTH) {
            return new AccountChange.PasswordTooShort(Passwords.MIN_LENGTH);
        }
        if (password.length > Passwords.MAX_LENGTH) {
            return new AccountChange.PasswordTooLong(Passwords.MAX_LENGTH);
        }
        if (account(name.get()).isPresent()) {
            return new AccountChange.LoginTaken(name.get());
        }
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        try {
            long id = jdbi.withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                            + "disabled, created_at) values (:login, :role, :hash, false, :now)")
                    .bind("login", name.get()).bind("role", role.code()).bind("hash", hash)
                    .bind("now", SqlValues.timestamp(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            record(now, actor, "", AuditAction.ACCOUNT_ADDED, name.get() + " (" + role.code() + ")");
            return new AccountChange.Added(new StaffMember(id, name.get(), role));
        } catch (RuntimeException e) {
            if (SqlValues.isUniqueViolation(e)) {
                return new AccountChange.LoginTaken(name.get());
            }
            throw e;
        }
    }

    @Override
    public AccountChange disable(String login, String actor) {
        Optional<Account> account = LoginName.parse(login).flatMap(this::account);
        if (account.isEmpty()) {
            return new AccountChange.UnknownLogin(shown(login));
        }
        Instant now = clock.instant();
        long id = account.get().member().id();
        jdbi.useTransaction(h -> {
            h.createUpdate("update staff_account set disabled = true where id = :id").bind("id", id).execute();
            // The join on disabled already stops them; deleting and revoking also leaves nothing to revive.
            h.createUpdate("delete from staff_session where account_id = :id").bind("id", id).execute();
            revoke(h, id, now);
        });
        record(now, actor, "", AuditAction.ACCOUNT_DISABLED, account.get().member().login());
        return new AccountChange.Disabled(account.get().member().login());
    }

    @Override
    public AccountChange issueToken(String login, String actor) {
        Optional<Account> account = LoginName.parse(login).flatMap(this::account);
        if (account.isEmpty()) {
            return new AccountChange.UnknownLogin(shown(login));
        }
        if (account.get().disabled()) {
            return new AccountChange.AccountDisabled(account.get().member().login());
        }
        String token = JdbcStaffSessions.randomToken();
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("insert into staff_token (token_hash, account_id, created_at) "
                        + "values (:hash, :account, :now)")
                .bind("hash", JdbcStaffSessions.hash(token)).bind("account", account.get().member().id())
                .bind("now", SqlValues.timestamp(now)).execute());
        record(now, actor, "", AuditAction.API_TOKEN_ISSUED, account.get().member().login());
        return new AccountChange.TokenIssued(account.get().member().login(), token);
    }

    @Override
    public AccountChange revokeTokens(String login, String actor) {
        Optional<Account> account = LoginName.parse(login).flatMap(this::account);
        if (account.isEmpty()) {
            return new AccountChange.UnknownLogin(shown(login));
        }
        Instant now = clock.instant();
        int revoked = jdbi.inTransaction(h -> revoke(h, account.get().member().id(), now));
        record(now, actor, "", AuditAction.API_TOKENS_REVOKED, account.get().member().login() + ": " + revoked);
        return new AccountChange.TokensRevoked(account.get().member().login(), revoked);
    }

    private static int revoke(Handle h, long accountId, Instant now) {
        return h.createUpdate("update staff_token set revoked_at = :now where account_id = :id and revoked_at is null")
                .bind("now", SqlValues.timestamp(now)).bind("id", accountId).execute();
    }

    private Optional<Account> account(String login) {
        return jdbi.withHandle(h -> h.createQuery(ACCOUNT + "where login = :login").bind("login", login)
                .map((row, ctx) -> new Account(new StaffMember(row.getLong("id"), row.getString("login"),
                        Coded.byCode(Role.class, row.getString("role")).orElseThrow()),
                        row.getString("password_hash"), row.getBoolean("disabled")))
                .findOne());
    }

    private void record(Instant at, String staff, String address, AuditAction action, String what) {
        audit.record(new AuditEntry(at, staff, address, action, "", what));
    }

    private static String shown(String login) {
        return login == null ? "" : SqlValues.varchar(login.strip(), LoginName.MAX_LENGTH);
    }

    private static String moscow(Instant instant) {
        return MOSCOW_TIME.format(instant) + " (мск)";
    }

    private record Account(StaffMember member, String passwordHash, boolean disabled) {
    }
}
