package org.supportintake.server.config;

/** A setting has a value the server cannot use; the message is the one line an administrator sees. */
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String source, String value, String expected) {
        super(source + "=" + value + ": expected " + expected);
    }
}
