package org.supportintake.mail.smtp;

import java.time.Duration;
import java.util.Properties;

/** The Angus Mail session properties for {@link SmtpSettings} (names as in the Angus SMTP provider docs). */
final class SessionProperties {

    private SessionProperties() {
    }

    static Properties of(SmtpSettings settings) {
        String prefix = "mail." + settings.security().protocol() + ".";
        var properties = new Properties();
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        properties.setProperty(prefix + "auth", Boolean.toString(settings.authenticates()));
        properties.setProperty(prefix + "connectiontimeout", millis(settings.connectTimeout()));
        properties.setProperty(prefix + "timeout", millis(settings.readTimeout()));
        properties.setProperty(prefix + "writetimeout", millis(settings.writeTimeout()));
        if (settings.security() == ConnectionSecurity.STARTTLS_REQUIRED) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (!settings.trustedHosts().isEmpty()) {
            properties.setProperty(prefix + "ssl.trust", String.join(" ", settings.trustedHosts()));
        }
        // Trusting any certificate a host shows makes the name check moot: an impostor could put any name in
        // its own self-signed certificate. Internal relays' certificates often name something else.
        boolean hostTrusted = settings.trustedHosts().contains(settings.host());
        properties.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(!hostTrusted));
        return properties;
    }

    private static String millis(Duration timeout) {
        return Long.toString(timeout.toMillis());
    }
}
