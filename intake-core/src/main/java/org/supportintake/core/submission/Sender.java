package org.supportintake.core.submission;

/** Who wrote: address, name and phone exactly as given (empty when the channel has none). */
public record Sender(String email, String fullName, String phone) {

    public Sender {
        email = Submission.orEmpty(email);
        fullName = Submission.orEmpty(fullName);
        phone = Submission.orEmpty(phone);
    }
}
