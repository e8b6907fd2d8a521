package org.supportintake.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.supportintake.core.staff.AccountChange;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffAdministration;
import org.supportintake.core.submission.Coded;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.wiring.AccountsDatabase;

/**
 * {@code staff add|disable|token}: an administrator's changes to staff accounts on the configured database (migrated
 * first; no HTTP, no mail). Exit 0 when done, 2 for bad usage, 1 when the change is refused (login taken, unknown
 * login, password too short, …); messages in English on standard error, only a new token on standard output.
 */
final class StaffCommand {

    /** H2's "database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_IN_USE = 90020;

    static final String USAGE = """
            usage: staff add --login NAME --role operator|supervisor|admin   (password: first line of standard input)
                   staff disable --login NAME
                   staff token --login NAME [--revoke]""";
    static final int REFUSED = 1;

    private StaffCommand() {
    }

    /** Parses {@code args} before anything touches the database: a typo costs no migration. */
    static int run(String[] args, IntakeConfig config, InputStream in, PrintStream out, PrintStream err)
            throws IOException {
        if (args.length == 0) {
            err.println(USAGE);
            return Main.BAD_USAGE;
        }
        Optional<Map<String, String>> options = switch (args[0]) {
            case "add" -> options(args, Set.of("--login", "--role"), Set.of());
            case "disable" -> options(args, Set.of("--login"), Set.of());
            case "token" -> options(args, Set.of("--login"), Set.of("--revoke"));
            default -> Optional.empty();
        };
        if (options.isEmpty() || !options.get().containsKey("--login")
                || (args[0].equals("add") && !options.get().containsKey("--role"))) {
            err.println(USAGE);
            return Main.BAD_USAGE;
        }
        String login = options.get().get("--login");
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        Function<StaffAdministration, AccountChange> change;
        if (args[0].equals("add")) {
            Optional<Role> role = Coded.byCode(Role.class, options.get().get("--role"));
            if (role.isEmpty()) {
                err.println("unknown role '" + options.get().get("--role") + "'; one of operator, supervisor, admin");
                return Main.BAD_USAGE;
            }
            Optional<char[]> password = firstLine(in);
            if (password.isEmpty()) {
                err.println("staff add reads the password from the first line of standard input, and there was none");
                return Main.BAD_USAGE;
            }
            change = accounts -> {
                try {
                    return accounts.add(login, role.get(), password.get(), actor);
                } finally {
                    Arrays.fill(password.get(), '\0');
                }
            };
        } else if (args[0].equals("disable")) {
            change = accounts -> accounts.disable(login, actor);
        } else if (options.get().containsKey("--revoke")) {
            change = accounts -> accounts.revokeTokens(login, actor);
        } else {
            change = accounts -> accounts.issueToken(login, actor);
        }
        AccountsDatabase opened;
        try {
            opened = AccountsDatabase.open(config);
        } catch (RuntimeException unreachable) {
            err.println(unopened(unreachable));
            return 1;
        }
        try (AccountsDatabase database = opened) {
            return report(change.apply(database.administration()), out, err);
        }
    }

    /** One line on why the database did not open; H2's file is locked while a server on this data directory runs. */
    private static String unopened(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return "cannot open the database: the embedded H2 database is in use by a running server; stop the "
                        + "server first, or use PostgreSQL (INTAKE_DB_URL), where staff commands run beside it";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot open the database: " + String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    /** {@code --name value} pairs and bare {@code flags}, each at most once; empty for anything else. */
    private static Optional<Map<String, String>> options(String[] args, Set<String> named, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (flags.contains(option) && !options.containsKey(option)) {
                options.put(option, "");
            } else if (named.contains(option) && i + 1 < args.length && !options.containsKey(option)) {
                options.put(option, args[++i]);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(options);
    }

    private static Optional<char[]> firstLine(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? Optional.empty() : Optional.of(line.toCharArray());
    }

    private static int report(AccountChange change, PrintStream out, PrintStream err) {
        if (change instanceof AccountChange.Added added) {
            err.println("added " + added.member().login() + " (" + added.member().role().code() + ")");
        } else if (change instanceof AccountChange.Disabled disabled) {
            err.println("disabled " + disabled.login() + "; its sessions and API tokens no longer work");
        } else if (change instanceof AccountChange.TokenIssued issued) {
            err.println("new API token for " + issued.login() + " (shown this once; only its hash is kept):");
            out.println(issued.token());
        } else if (change instanceof AccountChange.TokensRevoked revoked) {
            err.println("revoked " + revoked.revoked() + " API token(s) of " + revoked.login());
        } else {
            err.println(refusal(change));
            return REFUSED;
        }
        return 0;
    }

    private static String refusal(AccountChange change) {
        if (change instanceof AccountChange.LoginTaken taken) {
            return "login '" + taken.login() + "' is taken";
        } else if (change instanceof AccountChange.UnknownLogin unknown) {
            return "no account with login '" + unknown.login() + "'";
        } else if (change instanceof AccountChange.LoginInvalid invalid) {
            return "login '" + invalid.login() + "' is not valid: 2 to 100 of a-z, 0-9, '.', '_', '-', '@'";
        } else if (change instanceof AccountChange.PasswordTooShort tooShort) {
            return "the password is too short: at least " + tooShort.minimum() + " characters";
        } else if (change instanceof AccountChange.PasswordTooLong tooLong) {
            return "the password is too long: at most " + tooLong.maximum() + " characters";
        } else if (change instanceof AccountChange.AccountDisabled disabled) {
            return "account '" + disabled.login() + "' is disabled; no token issued";
        }
        return "refused: " + change;
    }
}
