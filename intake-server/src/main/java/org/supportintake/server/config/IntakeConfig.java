package org.supportintake.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.supportintake.core.jdbc.Database;

/**
 * The server's settings. The only abstract method looks a setting up; each typed accessor
 * converts it, falls back to the default, and throws {@link InvalidSettingException} for a bad value.
 */
public interface IntakeConfig {

    /** The raw value of a setting, if it was given. */
    Optional<String> lookup(Setting setting);

    /** Where a setting's value came from, for error messages: the variable or the file key. */
    String sourceOf(Setting setting);

    default int httpPort() {
        return convert(Setting.HTTP_PORT, "8080", "a port number from 0 to 65535", raw -> {
            int port = Integer.parseInt(raw);
            return port >= 0 && port <= 65535 ? port : null;
        });
    }

    default Path dataDir() {
        return convert(Setting.DATA_DIR, "./intake-data", "a directory path", Path::of);
    }

    default String dbUrl() {
        return lookup(Setting.DB_URL).map(url -> {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw invalid(Setting.DB_URL, url, "a jdbc:postgresql:// or jdbc:h2: URL");
            }
            return url;
        }).orElseGet(() -> Database.h2FileUrl(dataDir().resolve("db")));
    }

    default String dbUser() {
        return lookup(Setting.DB_USER).orElse(dbUrl().startsWith("jdbc:h2:") ? "sa" : "");
    }

    default String dbPassword() {
        return lookup(Setting.DB_PASSWORD).orElse("");
    }

    default int dbPoolSize() {
        return convert(Setting.DB_POOL_SIZE, "10", "a whole number from 2 to 200", raw -> {
            int size = Integer.parseInt(raw);
            return size >= 2 && size <= 200 ? size : null;
        });
    }

    default URI publicUrl() {
        return convert(Setting.PUBLIC_URL, "http://localhost:8080", "an absolute http:// or https:// URL", raw -> {
            URI uri = new URI(raw);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    ? uri : null;
        });
    }

    default Optional<Path> slaCalendarFile() {
        return lookup(Setting.SLA_CALENDAR_FILE).map(raw -> {
            Path file = Path.of(raw);
            if (!Files.isReadable(file)) {
                throw invalid(Setting.SLA_CALENDAR_FILE, raw, "a readable file");
            }
            return file;
        });
    }

    /** Every bad value, one line each; empty when the server can start. */
    default List<String> validate() {
        List<String> problems = new ArrayList<>();
        List<Supplier<?>> accessors = List.of(this::httpPort, this::dataDir, this::dbUrl, this::dbUser,
                this::dbPoolSize, this::publicUrl, this::slaCalendarFile);
        for (Supplier<?> accessor : accessors) {
            try {
                accessor.get();
            } catch (InvalidSettingException e) {
                if (!problems.contains(e.getMessage())) {
                    problems.add(e.getMessage());
                }
            }
        }
        return problems;
    }

    private <T> T convert(Setting setting, String defaultValue, String expected, Conversion<T> conversion) {
        String raw = lookup(setting).orElse(defaultValue);
        try {
            T value = conversion.apply(raw.strip());
            if (value != null) {
                return value;
            }
        } catch (NumberFormatException | URISyntaxException | InvalidPathException e) {
            // reported below, as every other bad value
        }
        throw invalid(setting, raw, expected);
    }

    private InvalidSettingException invalid(Setting setting, String raw, String expected) {
        return new InvalidSettingException(sourceOf(setting), raw, expected);
    }

    /** A conversion that returns null, or throws, for a value it cannot use. */
    @FunctionalInterface
    interface Conversion<T> {
        T apply(String raw) throws NumberFormatException, URISyntaxException;
    }

    /** For tests and tools: settings from a function. */
    static IntakeConfig of(Function<Setting, Optional<String>> values) {
        return new IntakeConfig() {
            @Override
            public Optional<String> lookup(Setting setting) {
                return values.apply(setting);
            }

            @Override
            public String sourceOf(Setting setting) {
                return setting.variable();
            }
        };
    }
}
