package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second instance on one machine: a port it needs taken by another process. */
class DemoMailPortsJarIT {

    @TempDir
    Path workingDir;

    @Test
    void aTakenDemoPortStopsTheStartWithOneLineAndNoStackTrace() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int taken = other.getLocalPort();
            Path log = workingDir.resolve("second.log");
            Process second = RunningJar.command(workingDir, Map.of("INTAKE_HTTP_PORT", Integer.toString(RunningJar.freePort()),
                    "INTAKE_DEMO_SMTP_PORT", Integer.toString(RunningJar.freePort()),
                    "INTAKE_DEMO_IMAP_PORT", Integer.toString(taken)), log).start();

            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("gave up within a minute").isTrue();
            List<String> output = Files.readAllLines(log);
            assertThat(second.exitValue()).as("exit status; output:%n%s", String.join("\n", output)).isEqualTo(1);
            assertThat(output).contains("Demo mail server: port " + taken + " on 127.0.0.1 is in use (INTAKE_DEMO_IMAP_PORT); "
                    + "set another port, or INTAKE_IMAP_URL and INTAKE_SMTP_URL for a real mail server");
            assertThat(output).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        }
    }

    @Test
    void aTakenHttpPortStopsTheStartWithOneLineAndNoStackTrace() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int taken = other.getLocalPort();
            Path log = workingDir.resolve("second.log");
            Process second = RunningJar.command(workingDir, Map.of("INTAKE_HTTP_PORT", Integer.toString(taken),
                    "INTAKE_DEMO_SMTP_PORT", Integer.toString(RunningJar.freePort()),
                    "INTAKE_DEMO_IMAP_PORT", Integer.toString(RunningJar.freePort())), log).start();

            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("gave up within a minute").isTrue();
            List<String> output = Files.readAllLines(log);
            assertThat(second.exitValue()).as("exit status; output:%n%s", String.join("\n", output)).isEqualTo(1);
            assertThat(output).contains("HTTP: port " + taken + " is in use (INTAKE_HTTP_PORT); stop what holds it or set another port");
            assertThat(output).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        }
    }
}
