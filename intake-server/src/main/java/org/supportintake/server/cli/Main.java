package org.supportintake.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.supportintake.server.config.EnvironmentConfig;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.InvalidSettingException;
import org.supportintake.server.logging.MaskedEncoder;
import org.supportintake.server.wiring.IntakeApplication;
import org.supportintake.server.wiring.UnableToStartException;

/**
 * The command line: {@code serve} (the default), {@code parse FILE.eml…}, {@code staff …}, {@code demo-mail ADDRESS} and
 * {@code --help}. Exit 0 on success, 2 for bad usage, bad settings or an unreadable file, 1 for a refused change or a
 * server that cannot start (one line saying why).
 */
public final class Main {

    static final int BAD_USAGE = 2;
    /** A refused change, or a server that cannot start (a port taken). */
    static final int CANNOT_START = 1;

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command; {@code serve} returns only when the server is stopped. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return run(args, environment, System.in, out, err);
    }

    /** Runs a command that may read {@code in} ({@code staff add} reads the password there). */
    static int run(String[] args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve":
                return serve(environment, err);
            case "parse":
                return withConfig(environment, err, config ->
                        ParseCommand.run(Arrays.copyOfRange(args, 1, args.length), config, out, err));
            case "staff":
                return withConfig(environment, err, config ->
                        StaffCommand.run(Arrays.copyOfRange(args, 1, args.length), config, in, out, err));
            case "demo-mail":
                if (args.length != 2) {
                    err.println("usage: demo-mail ADDRESS");
                    return BAD_USAGE;
                }
                return withConfig(environment, err, config -> DemoMailCommand.run(args[1], config, out, err));
            case "--help", "-h", "help":
                out.print(Usage.text());
                return 0;
            default:
                err.println("unknown command '" + command + "'; see --help");
                return BAD_USAGE;
        }
    }

    /** Loads and validates the settings, then runs {@code command}; a bad setting is one line each on {@code err}. */
    private static int withConfig(Map<String, String> environment, PrintStream err, Command command) {
        IntakeConfig config;
        try {
            config = EnvironmentConfig.load(environment);
        } catch (InvalidSettingException e) {
            err.println(e.getMessage());
            return BAD_USAGE;
        }
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return BAD_USAGE;
        }
        MaskedEncoder.useJson(config.jsonLogs());
        try {
            return command.run(config);
        } catch (IOException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(Map<String, String> environment, PrintStream err) {
        return withConfig(environment, err, config -> serve(config, err));
    }

    private static int serve(IntakeConfig config, PrintStream err) {
        IntakeApplication application;
        try {
            application = IntakeApplication.start(config);
        } catch (UnableToStartException e) {
            err.println(e.getMessage());
            return CANNOT_START;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                application.close();
            } catch (Exception e) {
                err.println("error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "intake-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** A command that needs valid settings. */
    @FunctionalInterface
    private interface Command {
        int run(IntakeConfig config) throws IOException;
    }
}
