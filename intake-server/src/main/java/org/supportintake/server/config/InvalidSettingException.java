package org.supportintake.server.config;

/** A setting has a value the server cannot use; the message is the one line an administrator sees. */
public class InvalidSettingException extends RuntimeException {

    /** {@code SOURCE=VALUE: expected EXPECTED}. */
    public InvalidSettingException(String source, String value, String expected) {
        super(source + "=" + value + ": expected " + expected);
    }

    private InvalidSettingException(String line) {
        super(line);
    }

    /** {@code SOURCE=VALUE: PROBLEM}, for problems that already say what is expected. */
    static InvalidSettingException because(String source, String value, String problem) {
        return new InvalidSettingException(source + "=" + value + ": " + problem);
    }
}
