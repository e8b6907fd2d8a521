package org.supportintake.server.cli;

import org.supportintake.server.config.EnvironmentConfig;
import org.supportintake.server.config.Setting;

/** The text of {@code --help}: commands and every setting. */
final class Usage {

    private Usage() {
    }

    static String text() {
        StringBuilder text = new StringBuilder("""
                Support Intake: takes in citizens' support messages, numbers them, keeps the reply clock.

                Usage: java -jar intake-server.jar [COMMAND]

                Commands:
                  serve               start the server (the default)
                  parse FILE.eml...   print, one JSON object a line, what the mail path would make of each
                                      message, without touching any database (exit 2: a file cannot be read)
                  staff add --login NAME --role operator|supervisor|admin
                                      add a staff account; the password (at least 12 characters) is the
                                      first line of standard input
                  staff disable --login NAME
                                      disable an account: its sessions and API tokens stop working at once
                  staff token --login NAME
                                      print a new API token for the account, once (only its hash is kept)
                  staff token --login NAME --revoke
                                      revoke every API token of the account
                                      (staff commands: exit 1 when the change is refused)
                  demo-mail ADDRESS   print the mail the service sent to ADDRESS, as the demo mail server
                                      of a server running with embedded defaults holds it (on
                                      INTAKE_DEMO_IMAP_PORT)
                  --help              show this text

                Settings: an environment variable, or a key in the properties file named by %s
                (the variable wins). A wrong value stops the start with one line naming it.

                """.formatted(EnvironmentConfig.CONFIG_FILE_VARIABLE));
        for (Setting setting : Setting.values()) {
            text.append(String.format("  %s (%s)%n      %s; default: %s%n",
                    setting.variable(), setting.key(), setting.description(), setting.defaultValue()));
        }
        return text.toString();
    }
}
