package org.supportintake.core.validation;

/** Constraint groups: the rules that apply to one channel. */
public final class ChannelChecks {

    private ChannelChecks() {
    }

    /** Rules for the feedback form and the JSON API. */
    public interface Form {
    }

    /** Rules for email. */
    public interface Email {
    }
}
