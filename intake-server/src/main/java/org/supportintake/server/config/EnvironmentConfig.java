package org.supportintake.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Settings from {@code INTAKE_*} environment variables and the optional file named by {@code INTAKE_CONFIG}; the variable wins. */
public final class EnvironmentConfig implements IntakeConfig {

    public static final String CONFIG_FILE_VARIABLE = "INTAKE_CONFIG";

    private final Map<String, String> environment;
    private final Properties file;
    private final String fileName;

    private EnvironmentConfig(Map<String, String> environment, Properties file, String fileName) {
        this.environment = Map.copyOf(environment);
        this.file = file;
        this.fileName = fileName;
    }

    /** Reads the properties file, if one is named; a file that cannot be read is a bad setting. */
    public static EnvironmentConfig load(Map<String, String> environment) {
        String fileName = environment.get(CONFIG_FILE_VARIABLE);
        Properties properties = new Properties();
        if (fileName != null && !fileName.isBlank()) {
            try (Reader reader = Files.newBufferedReader(Path.of(fileName), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | RuntimeException e) {
                throw new InvalidSettingException(CONFIG_FILE_VARIABLE, fileName, "a readable properties file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return new EnvironmentConfig(environment, properties, fileName);
    }

    @Override
    public Optional<String> lookup(Setting setting) {
        String value = environment.get(setting.variable());
        if (value == null) {
            value = file.getProperty(setting.key());
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    @Override
    public String sourceOf(Setting setting) {
        return environment.containsKey(setting.variable()) || !file.containsKey(setting.key())
                ? setting.variable()
                : setting.key() + " (in " + fileName + ")";
    }
}
