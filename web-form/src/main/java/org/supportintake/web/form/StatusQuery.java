package org.supportintake.web.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.validation.Violation;

/** What a citizen typed into the status form, and what is wrong with it before any lookup. */
record StatusQuery(String ticketNumber, String email) {

    static final String NUMBER = "ticketNumber";
    static final String EMAIL = "email";

    /** Each field's problem, in the order of the form; empty when a lookup may be tried. */
    List<Violation> problems() {
        List<Violation> problems = new ArrayList<>();
        if (ticketNumber.isBlank()) {
            problems.add(new Violation(NUMBER, "required", "Укажите номер обращения."));
        } else if (number().isEmpty()) {
            problems.add(new Violation(NUMBER, "malformed", "Номер обращения указан неверно. Он выглядит так: 26-0004217-9."));
        }
        if (email.isBlank()) {
            problems.add(new Violation(EMAIL, "required", "Укажите адрес электронной почты."));
        } else if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) {
            problems.add(new Violation(EMAIL, "malformed",
                    "Адрес электронной почты указан неверно. Он выглядит так: name@example.ru."));
        }
        return problems;
    }

    Optional<TicketNumber> number() {
        return TicketNumber.parse(ticketNumber);
    }
}
