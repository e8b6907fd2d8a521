package org.supportintake.core.queue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.supportintake.core.submission.Phone;
import org.supportintake.core.ticket.TicketNumber;

/**
 * What a staff member typed into the queue's search, taken the way they meant it: a ticket number written as on the
 * form ({@code 26-0004217-9}, {@code № 2600042179}), an email address, a phone in any usual writing, else words of
 * the messages' text.
 */
public sealed interface QueueSearch {

    /** Longer searches are cut: nobody types more, and the words go to the full-text query. */
    int MAX_LENGTH = 200;

    /** What was searched for, normalised: for the audit and for the search field shown again. */
    String text();

    record ByNumber(TicketNumber number) implements QueueSearch {
        @Override
        public String text() {
            return number.toString();
        }
    }

    /** The address in lower case; requesters' addresses are matched without regard to case. */
    record ByEmail(String email) implements QueueSearch {
        @Override
        public String text() {
            return email;
        }
    }

    /** The number in E.164, as {@code ticket.requester_phone} stores it. */
    record ByPhone(String e164) implements QueueSearch {
        @Override
        public String text() {
            return e164;
        }
    }

    /** Words of the text, each to be found (in any form on PostgreSQL, as typed on H2). */
    record ByWords(List<String> words) implements QueueSearch {

        public ByWords {
            words = List.copyOf(words);
        }

        @Override
        public String text() {
            return String.join(" ", words);
        }
    }

    /** The search {@code typed} asks for; empty when it holds nothing to search for. */
    static Optional<QueueSearch> of(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<TicketNumber> number = TicketNumber.parse(text);
        if (number.isPresent()) {
            return Optional.of(new ByNumber(number.get()));
        }
        if (text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.of(new ByEmail(text.toLowerCase(Locale.ROOT)));
        }
        if (text.matches("\\+?[\\d\\s()\\-.]{7,}")) {
            Optional<String> phone = Phone.toE164(text);
            if (phone.isPresent()) {
                return Optional.of(new ByPhone(phone.get()));
            }
        }
        List<String> words = Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).limit(10)
                .toList();
        return words.isEmpty() ? Optional.empty() : Optional.of(new ByWords(words));
    }
}
