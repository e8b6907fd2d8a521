package org.supportintake.server.config;

import java.util.Locale;

/** Every setting the server reads: its properties key, its environment variable, default and meaning. */
public enum Setting {
    HTTP_PORT("intake.http.port", "8080", "HTTP port"),
    DATA_DIR("intake.data.dir", "./intake-data", "directory for the H2 database, stored files and the raw mail archive"),
    DB_URL("intake.db.url", "H2 file under the data directory",
            "JDBC URL; a jdbc:postgresql://… URL selects PostgreSQL"),
    DB_USER("intake.db.user", "sa for H2", "database user"),
    DB_PASSWORD("intake.db.password", "(empty)", "database password"),
    DB_POOL_SIZE("intake.db.pool.size", "10", "largest number of database connections"),
    PUBLIC_URL("intake.public.url", "http://localhost:8080", "base of links in emails"),
    SLA_CALENDAR_FILE("intake.sla.calendar.file", "the bundled Russian calendar for 2026–2027",
            "production calendar file (lines 'YYYY-MM-DD holiday|workday|short') replacing the bundled one");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key in the properties file, {@code intake.http.port}. */
    public String key() {
        return key;
    }

    /** The environment variable, {@code INTAKE_HTTP_PORT}. */
    public String variable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
