package org.supportintake.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
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
 * line (DESIGN.md's shape), without touching any database. Exit 0; 2 when a file cannot be read (one line each on
 * standard error; the files after it are still parsed, so {@code parse *.eml} prints every mail it can).
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
        int status = 0;
        for (String name : files) {
            String unreadable = read(Path.of(name), preview, out);
            if (unreadable != null) {
                err.println("cannot read " + name + ": " + unreadable);
                status = Main.BAD_USAGE;
            }
        }
        return status;
    }

    /** Prints the file's object; else why it could not be read. A directory opens on Linux and fails on its first read. */
    private static String read(Path file, MailPreview preview, PrintStream out) throws IOException {
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        try (InputStream in = Files.newInputStream(file)) {
            out.println(JSON.writeValueAsString(preview.of(in)));
            return null;
        } catch (NoSuchFileException e) {
            return "no such file";
        } catch (IOException e) {
            if (Files.isReadable(file)) {
                throw e;
            }
            return e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        }
    }
}
