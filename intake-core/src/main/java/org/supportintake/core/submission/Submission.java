package org.supportintake.core.submission;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.supportintake.attachments.policy.ReceivedFile;

/**
 * What came in, from either channel, exactly as given: nothing here is validated yet (that is
 * {@code IntakeValidator}'s job). Text fields a channel did not fill are empty strings. Immutable.
 */
public final class Submission {

    private final Channel channel;
    private final String externalId;
    private final Instant receivedAt;
    private final Sender sender;
    private final String category;
    private final String subject;
    private final String text;
    private final List<ReceivedFile> attachments;
    private final String previousTicket;
    private final String callbackTime;
    private final Consent consent;
    private final EmailFacts emailFacts;

    private Submission(Builder b) {
        this.channel = Objects.requireNonNull(b.channel, "channel");
        this.externalId = Objects.requireNonNull(b.externalId, "externalId");
        // Whole seconds, as stored: the due time answered now and the one read back later must agree.
        this.receivedAt = Objects.requireNonNull(b.receivedAt, "receivedAt").truncatedTo(ChronoUnit.SECONDS);
        this.sender = new Sender(b.email, b.fullName, b.phone);
        this.category = orEmpty(b.category);
        this.subject = orEmpty(b.subject);
        this.text = orEmpty(b.text);
        this.attachments = List.copyOf(b.attachments);
        this.previousTicket = orEmpty(b.previousTicket);
        this.callbackTime = orEmpty(b.callbackTime);
        this.consent = b.consent;
        this.emailFacts = b.emailFacts;
    }

    public static Builder builder(Channel channel, String externalId, Instant receivedAt) {
        return new Builder(channel, externalId, receivedAt);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public Channel channel() {
        return channel;
    }

    /** Message-ID for email, the form's submission token for the form: a second delivery is a duplicate. */
    public String externalId() {
        return externalId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Sender sender() {
        return sender;
    }

    /** The category code as given (the form only). */
    public String category() {
        return category;
    }

    public String subject() {
        return subject;
    }

    /** The form's description, or the readable text of an email. */
    public String text() {
        return text;
    }

    public List<ReceivedFile> attachments() {
        return attachments;
    }

    /** The earlier ticket number as typed, or empty. */
    public String previousTicket() {
        return previousTicket;
    }

    public String callbackTime() {
        return callbackTime;
    }

    public Optional<Consent> consent() {
        return Optional.ofNullable(consent);
    }

    public Optional<EmailFacts> emailFacts() {
        return Optional.ofNullable(emailFacts);
    }

    @Override
    public String toString() {
        // No personal data: this string ends up in logs.
        return "Submission[" + channel.code() + " " + externalId + " at " + receivedAt + "]";
    }

    /** Builds a {@link Submission}; every field but channel, external id and time is optional. */
    public static final class Builder {
        private final Channel channel;
        private final String externalId;
        private final Instant receivedAt;
        private String email;
        private String fullName;
        private String phone;
        private String category;
        private String subject;
        private String text;
        private final List<ReceivedFile> attachments = new ArrayList<>();
        private String previousTicket;
        private String callbackTime;
        private Consent consent;
        private EmailFacts emailFacts;

        private Builder(Channel channel, String externalId, Instant receivedAt) {
            this.channel = channel;
            this.externalId = externalId;
            this.receivedAt = receivedAt;
        }

        public Builder sender(String email, String fullName, String phone) {
            this.email = email;
            this.fullName = fullName;
            this.phone = phone;
            return this;
        }

        public Builder category(String code) {
            this.category = code;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder attachment(ReceivedFile attachment) {
            this.attachments.add(attachment);
            return this;
        }

        public Builder previousTicket(String previousTicket) {
            this.previousTicket = previousTicket;
            return this;
        }

        public Builder callbackTime(String code) {
            this.callbackTime = code;
            return this;
        }

        public Builder consent(Consent consent) {
            this.consent = consent;
            return this;
        }

        public Builder emailFacts(EmailFacts emailFacts) {
            this.emailFacts = emailFacts;
            return this;
        }

        public Submission build() {
            return new Submission(this);
        }
    }
}
