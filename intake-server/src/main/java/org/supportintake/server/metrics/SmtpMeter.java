package org.supportintake.server.metrics;

import java.util.concurrent.atomic.AtomicReference;

import org.supportintake.core.outbox.MailTransport;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.UnableToSendMailException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link MailTransport} that times each send by its result ({@code sent}, {@code failed}: worth retrying, the
 * server unreachable; {@code refused}: a 5xx) and remembers whether the server answered last time, for readiness.
 */
public final class SmtpMeter implements MailTransport {

    private final MailTransport transport;
    private final Timer sent;
    private final Timer failed;
    private final Timer refused;
    private final AtomicReference<String> state = new AtomicReference<>("unknown");

    public SmtpMeter(MailTransport transport, MeterRegistry registry) {
        this.transport = transport;
        this.sent = timer(registry, "sent");
        this.failed = timer(registry, "failed");
        this.refused = timer(registry, "refused");
    }

    private static Timer timer(MeterRegistry registry, String result) {
        return Timer.builder("intake.smtp.send").description("time to hand one mail to the SMTP server")
                .tag("result", result).register(registry);
    }

    @Override
    public void send(OutboxMessage message) {
        Timer.Sample sample = Timer.start();
        try {
            transport.send(message);
            sample.stop(sent);
            state.set("up");
        } catch (UnableToSendMailException e) {
            // a 5xx is the server answering about one mail; anything else says it cannot take mail now
            sample.stop(e.isPermanent() ? refused : failed);
            state.set(e.isPermanent() ? "up" : "down");
            throw e;
        }
    }

    /** {@code up} when the last send reached the server, {@code down} when it did not, {@code unknown} before any. */
    public String state() {
        return state.get();
    }
}
