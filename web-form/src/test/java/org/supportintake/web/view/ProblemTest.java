package org.supportintake.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void noAnswerSentAsJsonPointsAtALinkOnAPage() {
        IntStream.rangeClosed(400, 599).mapToObj(Problem::of).forEach(problem -> {
            assertThat(problem.text()).as("%d", problem.status()).doesNotContain("ниже", "ссылке");
            assertThat(ErrorPages.json(problem)).contains("\"error\":\"" + problem.code() + "\"");
        });
    }
}
