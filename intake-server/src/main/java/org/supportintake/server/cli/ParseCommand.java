package org.supportintake.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.supportintake.core.validation.IntakeValidator;
import org.supportintake.mail.MailPreview;
import org.supportintake.mail.classify.MailClassifier;
import org.supportintake.server.config.IntakeConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code parse FILE.eml…}: what the mail path would make of each message, as one JSON object per
 * line (DESIGN.md's shape), without touching any database. Exit 0; 2 for a file that cannot be read.
 */
final class ParseCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParseCommand() {
    }

    static int run(String[] files, IntakeConfig config, PrintStream out, PrintStream err) throws IOException {
        if (files.length == 0) {
            err.println("parse needs at least one FILE.eml");
            return Main.BAD_USAGE;
        }
        MailPreview preview = new MailPreview(new MailClassifier(config.mailFrom()),
                new IntakeValidator(config.formPolicy()), config.emailPolicy());
        for (String name : files) {
            Path file = Path.of(name);
            try (InputStream in = Files.newInputStream(file)) {
                out.println(JSON.writeValueAsString(preview.of(in)));
            } catch (NoSuchFileException e) {
                err.println("cannot read " + name + ": no such file");
                return Main.BAD_USAGE;
            } catch (IOException e) {
                if (Files.isReadable(file) && !Files.isDirectory(file)) {
                    throw e;
                }
                err.println("cannot read " + name + ": " + (Files.isDirectory(file) ? "is a directory" : e.getMessage()));
                return Main.BAD_USAGE;
            }
        }
        return 0;
    }
}
