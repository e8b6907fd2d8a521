package org.supportintake.server.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.supportintake.server.config.EnvironmentConfig;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.InvalidSettingException;
import org.supportintake.server.wiring.IntakeApplication;

/** The command line: {@code serve} (the default) and {@code --help}. Exit 0 on success, 2 for bad usage or settings. */
public final class Main {

    static final int BAD_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command; {@code serve} returns only when the server is stopped. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve":
                return serve(environment, err);
            case "--help", "-h", "help":
                out.print(Usage.text());
                return 0;
            default:
                err.println("unknown command '" + command + "'; see --help");
                return BAD_USAGE;
        }
    }

    private static int serve(Map<String, String> environment, PrintStream err) {
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
        IntakeApplication application = IntakeApplication.start(config);
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
}
