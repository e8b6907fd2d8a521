package org.supportintake.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffAccounts;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;

/** Staff accounts, sessions and API tokens on every database: sign-in, lockout and its backoff, idle time, disabling. */
public interface StaffAccountsContract {

    String PASSWORD = "верный пароль 12";
    String WRONG = "неверный пароль";
    String HERE = "192.0.2.10";
    Duration IDLE = Duration.ofMinutes(30);

    IntakeFixture intake();

    /** Accounts and sessions on this database with a clock of the test's own, starting at the fixtures' instant. */
    default Setup setup() {
        SettableClock clock = new SettableClock();
        JdbcAuditTrail audit = new JdbcAuditTrail(intake().jdbi());
        return new Setup(clock, new JdbcStaffAccounts(intake().jdbi(), audit, clock),
                new JdbcStaffSessions(intake().jdbi(), clock, IDLE), audit);
    }

    record Setup(SettableClock clock, JdbcStaffAccounts accounts, JdbcStaffSessions sessions, AuditTrail trail) {

        StaffMember add(String login, Role role) {
            return ((AccountChange.Added) accounts.add(login, role, PASSWORD.toCharArray(), "cli:root")).member();
        }

        LoginOutcome logIn(String login, String password) {
            return accounts.logIn(login, password.toCharArray(), HERE);
        }

        LoginOutcome logIn(String login, String password, String address) {
            return accounts.logIn(login, password.toCharArray(), address);
        }

        String token(String login) {
            return ((AccountChange.TokenIssued) accounts.issueToken(login, "cli:root")).token();
        }

        List<AuditEntry> audit() {
            return trail.find(AuditTrail.AuditFilter.any(), java.util.Optional.empty(), 100).entries();
        }

        /** {@code n} wrong passwords for {@code login}, each refused without a lock. */
        void failTimes(int n, String login, String address) {
            for (int i = 0; i < n; i++) {
                assertThat(logIn(login, WRONG, address)).as("failure %d", i + 1).isEqualTo(new LoginOutcome.Refused());
            }
        }
    }

    @Test
    default void theRightPasswordSignsInWhateverTheCaseOfTheLoginAndTheAuditSaysWhoAndFromWhere() {
        var s = setup();
        StaffMember member = s.add("Petrova", Role.SUPERVISOR);

        assertThat(s.logIn("  PETROVA ", PASSWORD)).isEqualTo(new LoginOutcome.SignedIn(member));

        assertThat(member.login()).isEqualTo("petrova");
        assertThat(s.audit()).filteredOn(e -> e.action() == AuditAction.LOGIN).singleElement()
                .satisfies(e -> {
                    assertThat(e.staff()).isEqualTo("petrova");
                    assertThat(e.address()).isEqualTo(HERE);
                });
    }

    @Test
    default void anUnknownLoginAWrongPasswordAndADisabledAccountAreTheSameRefusalAndEachIsAudited() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        s.add("ivanov", Role.OPERATOR);
        s.accounts().disable("ivanov", "cli:root");
        String longLogin = "x".repeat(150);

        assertThat(s.logIn("sidorov", PASSWORD)).isEqualTo(new LoginOutcome.Refused());
        assertThat(s.logIn("petrova", WRONG)).isEqualTo(new LoginOutcome.Refused());
        assertThat(s.logIn("ivanov", PASSWORD)).isEqualTo(new LoginOutcome.Refused());
        assertThat(s.logIn(longLogin, PASSWORD)).isEqualTo(new LoginOutcome.Refused());

        assertThat(s.audit()).filteredOn(e -> e.action() == AuditAction.LOGIN_FAILED)
                .extracting(AuditEntry::staff, AuditEntry::what)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("x".repeat(100), "неизвестный логин"),
                        org.assertj.core.groups.Tuple.tuple("ivanov", "учётная запись отключена"),
                        org.assertj.core.groups.Tuple.tuple("petrova", "неверный пароль"),
                        org.assertj.core.groups.Tuple.tuple("sidorov", "неизвестный логин"));
    }

    @Test
    default void anUnknownLoginCostsTheTimeOfAWrongPassword() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        s.logIn("warmup", WRONG, "198.51.100.1");

        // Taken in turn and the fastest of each kept, so that a busy spell of the machine slows both alike; four
        // rounds stay under the lockout's five failures of one login.
        long wrong = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            wrong = Math.min(wrong, timed(() -> s.logIn("petrova", WRONG, "198.51.100.2")));
            unknown = Math.min(unknown, timed(() -> s.logIn("nobody", WRONG, "198.51.100.3")));
        }

        assertThat(unknown).as("unknown login %d µs, wrong password %d µs", unknown / 1000, wrong / 1000)
                .isGreaterThan(wrong / 2);
    }

    private static long timed(Runnable attempt) {
        long start = System.nanoTime();
        attempt.run();
        return System.nanoTime() - start;
    }

    @Test
    default void aPasswordUnderTwelveCharactersIsRefusedCountingCharactersNotCodeUnits() {
        var s = setup();

        assertThat(s.accounts().add("petrova", Role.OPERATOR, "короткий123".toCharArray(), "cli:root"))
                .isEqualTo(new AccountChange.PasswordTooShort(12));
        assertThat(s.accounts().add("petrova", Role.OPERATOR, "🔑".repeat(11).toCharArray(), "cli:root"))
                .as("22 UTF-16 units, 11 characters").isEqualTo(new AccountChange.PasswordTooShort(12));
        assertThat(s.accounts().add("petrova", Role.OPERATOR, "x".repeat(1025).toCharArray(), "cli:root"))
                .isEqualTo(new AccountChange.PasswordTooLong(1024));
        assertThat(intake().rows("staff_account")).isZero();

        assertThat(s.accounts().add("petrova", Role.OPERATOR, "короткий1234".toCharArray(), "cli:root"))
                .isInstanceOf(AccountChange.Added.class);
        assertThat(s.logIn("petrova", "короткий1234")).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    default void aLoginIsTakenWhateverItsCaseAndOnlyPlainLoginsAreAccepted() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);

        assertThat(s.accounts().add("PETROVA", Role.ADMIN, PASSWORD.toCharArray(), "cli:root"))
                .isEqualTo(new AccountChange.LoginTaken("petrova"));
        assertThat(s.accounts().add("петрова", Role.ADMIN, PASSWORD.toCharArray(), "cli:root"))
                .isEqualTo(new AccountChange.LoginInvalid("петрова"));
        assertThat(s.accounts().add("a b", Role.ADMIN, PASSWORD.toCharArray(), "cli:root"))
                .isEqualTo(new AccountChange.LoginInvalid("a b"));
        assertThat(s.accounts().disable("nobody", "cli:root")).isEqualTo(new AccountChange.UnknownLogin("nobody"));
        assertThat(s.accounts().issueToken("nobody", "cli:root")).isEqualTo(new AccountChange.UnknownLogin("nobody"));
        assertThat(s.accounts().revokeTokens("nobody", "cli:root")).isEqualTo(new AccountChange.UnknownLogin("nobody"));
    }

    @Test
    default void thePasswordIsStoredAsArgon2idAndATokenOnlyAsItsHash() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        String token = s.token("petrova");

        assertThat(intake().text("select password_hash from staff_account")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain(PASSWORD);
        assertThat(intake().text("select token_hash from staff_token")).isEqualTo(JdbcStaffSessions.hash(token));
        assertThat(s.accounts().byApiToken(token)).get().extracting(StaffMember::login).isEqualTo("petrova");
        assertThat(s.accounts().byApiToken(token + "x")).isEmpty();
        assertThat(s.audit()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.API_TOKEN_ISSUED, AuditAction.ACCOUNT_ADDED);
    }

    @Test
    default void aSessionEndsAfterTheIdleTimeWithoutARequestAndEachRequestExtendsIt() {
        var s = setup();
        StaffMember member = s.add("petrova", Role.OPERATOR);
        String cookie = s.sessions().open(member);

        s.clock().advance(Duration.ofMinutes(29));
        assertThat(s.sessions().resume(cookie)).get().extracting(StaffSession::member).isEqualTo(member);
        s.clock().advance(Duration.ofMinutes(29));
        assertThat(s.sessions().resume(cookie)).as("29 minutes after the last request").isPresent();
        s.clock().advance(Duration.ofMinutes(31));
        assertThat(s.sessions().resume(cookie)).as("31 minutes after the last request").isEmpty();
    }

    @Test
    default void disablingAnAccountStopsItsOpenSessionAndItsTokenAtOnce() {
        var s = setup();
        StaffMember member = s.add("petrova", Role.OPERATOR);
        StaffMember other = s.add("ivanov", Role.OPERATOR);
        String cookie = s.sessions().open(member);
        String token = s.token("petrova");
        String otherCookie = s.sessions().open(other);
        assertThat(s.sessions().resume(cookie)).isPresent();
        assertThat(s.accounts().byApiToken(token)).isPresent();

        assertThat(s.accounts().disable("petrova", "cli:root")).isEqualTo(new AccountChange.Disabled("petrova"));

        assertThat(s.sessions().resume(cookie)).isEmpty();
        assertThat(s.accounts().byApiToken(token)).isEmpty();
        assertThat(s.logIn("petrova", PASSWORD)).isEqualTo(new LoginOutcome.Refused());
        assertThat(s.accounts().issueToken("petrova", "cli:root")).isEqualTo(new AccountChange.AccountDisabled("petrova"));
        assertThat(s.sessions().resume(otherCookie)).as("another account's session").isPresent();
        assertThat(s.audit()).extracting(AuditEntry::action).contains(AuditAction.ACCOUNT_DISABLED);
    }

    @Test
    default void aDisabledAccountsSessionAndTokenStopEvenIfTheirRowsWereLeftBehind() {
        var s = setup();
        StaffMember member = s.add("petrova", Role.OPERATOR);
        String cookie = s.sessions().open(member);
        String token = s.token("petrova");

        // Only the flag, as an operator with SQL would set it: every request checks the account itself.
        intake().jdbi().useHandle(h -> h.execute("update staff_account set disabled = true"));

        assertThat(s.sessions().resume(cookie)).isEmpty();
        assertThat(s.accounts().byApiToken(token)).isEmpty();
    }

    @Test
    default void revokingStopsEveryTokenOfThatLoginAtOnceAndANewOneWorks() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        s.add("ivanov", Role.OPERATOR);
        String first = s.token("petrova");
        String second = s.token("petrova");
        String others = s.token("ivanov");

        assertThat(s.accounts().revokeTokens("petrova", "cli:root")).isEqualTo(new AccountChange.TokensRevoked("petrova", 2));

        assertThat(s.accounts().byApiToken(first)).isEmpty();
        assertThat(s.accounts().byApiToken(second)).isEmpty();
        assertThat(s.accounts().byApiToken(others)).isPresent();
        assertThat(s.accounts().byApiToken(s.token("petrova"))).isPresent();
        assertThat(s.accounts().revokeTokens("petrova", "cli:root")).isEqualTo(new AccountChange.TokensRevoked("petrova", 1));
    }

    @Test
    default void fiveFailuresForALoginLockItOneMinuteAndEachFurtherFailureDoublesTheLockUpToAnHour() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        s.failTimes(4, "petrova", HERE);
        List<Long> minutes = new java.util.ArrayList<>();
        for (int failure = 5; failure <= 12; failure++) {
            Instant now = s.clock().instant();
            var locked = (LoginOutcome.LockedOut) s.logIn("petrova", WRONG, "198.51.100." + failure);
            minutes.add(Duration.between(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), locked.until()).toMinutes());
            assertThat(s.logIn("petrova", PASSWORD, "198.51.100.99")).as("the right password while locked")
                    .isEqualTo(locked);
            s.clock().set(locked.until());
        }

        assertThat(minutes).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        assertThat(s.logIn("petrova", PASSWORD)).as("after the lock").isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    default void anUnknownLoginLocksLikeAKnownOne() {
        var s = setup();
        s.failTimes(4, "nobody", HERE);

        assertThat(s.logIn("nobody", WRONG)).isInstanceOf(LoginOutcome.LockedOut.class);
        assertThat(s.audit().get(0).what()).startsWith("неизвестный логин; вход заблокирован до ").endsWith("(мск)");
    }

    @Test
    default void aSuccessClearsTheLoginsCountAndFifteenQuietMinutesForgetIt() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        s.failTimes(4, "petrova", HERE);
        assertThat(s.logIn("petrova", PASSWORD)).isInstanceOf(LoginOutcome.SignedIn.class);
        s.failTimes(4, "petrova", HERE);
        s.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        s.failTimes(4, "petrova", HERE);

        assertThat(s.logIn("petrova", WRONG)).isInstanceOf(LoginOutcome.LockedOut.class);
    }

    @Test
    default void aLockedLoginStaysLockedFromAnyAddressAndOthersLoginsAreNotTouched() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        s.add("ivanov", Role.OPERATOR);
        s.failTimes(4, "petrova", "198.51.100.1");
        assertThat(s.logIn("petrova", WRONG, "198.51.100.2")).isInstanceOf(LoginOutcome.LockedOut.class);

        assertThat(s.logIn("PETROVA", PASSWORD, "203.0.113.7")).isInstanceOf(LoginOutcome.LockedOut.class);
        assertThat(s.logIn("ivanov", PASSWORD, "198.51.100.2")).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    default void twentyFailuresFromOneAddressLockThatAddressForEveryLoginButNotOtherAddresses() {
        var s = setup();
        s.add("petrova", Role.OPERATOR);
        for (int i = 0; i < 19; i++) {
            assertThat(s.logIn("guess" + i, WRONG, HERE)).isEqualTo(new LoginOutcome.Refused());
        }
        var locked = (LoginOutcome.LockedOut) s.logIn("guess19", WRONG, HERE);

        assertThat(locked.until()).isEqualTo(s.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(Duration.ofMinutes(1)));
        assertThat(s.logIn("petrova", PASSWORD, HERE)).isEqualTo(locked);
        assertThat(s.logIn("petrova", PASSWORD, "203.0.113.7")).isInstanceOf(LoginOutcome.SignedIn.class);
        s.clock().set(locked.until());
        assertThat(s.logIn("petrova", PASSWORD, HERE)).as("a success does not clear the address")
                .isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(s.logIn("guess20", WRONG, HERE)).as("21st failure from the address")
                .isInstanceOf(LoginOutcome.LockedOut.class);
    }
}
