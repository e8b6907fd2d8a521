package org.supportintake.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.Priority;

class ServiceLevelTest {

    @ParameterizedTest
    @CsvSource({"service_error, HIGH, 1", "technical_problem, HIGH, 1", "functionality_question, NORMAL, 3",
            "information_request, LOW, 5", "complaint, NORMAL, 5", "suggestion, LOW, 10"})
    void formCategoryDecidesTheReplyTime(String category, Priority priority, int days) {
        assertThat(ServiceLevel.of(Submissions.form().category(category).build()))
                .isEqualTo(new ServiceLevel(priority, days));
    }

    @ParameterizedTest
    @CsvSource({"'СРОЧНО: не работает оплата', HIGH, 1", "'Re: срочно!', HIGH, 1", "'Вопрос про справку', NORMAL, 3",
            "'СРОЧНО!!!', HIGH, 1", "'срочно: нет записи', HIGH, 1", "'Очень срочный вопрос', HIGH, 1",
            "'Не срочно: вопрос о справке', NORMAL, 3", "'Несрочный вопрос', NORMAL, 3",
            "'Вопрос не срочный, но важный', NORMAL, 3"})
    void urgentInAnEmailSubjectMakesItHigh(String subject, Priority priority, int days) {
        assertThat(ServiceLevel.of(Submissions.email().subject(subject).build()))
                .isEqualTo(new ServiceLevel(priority, days));
    }
}
