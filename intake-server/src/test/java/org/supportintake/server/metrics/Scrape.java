package org.supportintake.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.DoublePredicate;

/** {@code /metrics} read over HTTP, its series summed by name and labels. */
record Scrape(String text) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static Scrape of(int port) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new Scrape(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Scrapes until the sum of {@code series} passes {@code test}, for up to 40 s. */
    static Scrape until(int port, String series, DoublePredicate test, String... labels) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(40);
        Scrape scrape = of(port);
        while (!test.test(scrape.sum(series, labels))) {
            assertThat(Instant.now()).as(series + Arrays.toString(labels) + " = " + scrape.sum(series, labels))
                    .isBefore(deadline);
            Thread.sleep(200);
            scrape = of(port);
        }
        return scrape;
    }

    boolean has(String series) {
        return text.lines().anyMatch(line -> line.startsWith(series + "{") || line.startsWith(series + " "));
    }

    /** The sum of the series named {@code series} that carry every label given ({@code channel="email"}). */
    double sum(String series, String... labels) {
        return text.lines().filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> line.substring(0, line.lastIndexOf(' '))
                        .contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
