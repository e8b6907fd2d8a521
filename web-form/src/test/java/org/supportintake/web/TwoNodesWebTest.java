package org.supportintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentPolicy;

/** Two web nodes on one database, as behind a load balancer: what one node did, the other knows. */
class TwoNodesWebTest {

    @TempDir
    Path files;

    private WebFixture first;
    private WebFixture second;

    @BeforeEach
    void start() throws Exception {
        WebForm.Limits twoLookups = new WebForm.Limits(AttachmentPolicy.form(), WebFixture.MAX_REQUEST, 1000, 1000, 2);
        first = new WebFixture(files, twoLookups);
        second = new WebFixture(files, twoLookups, first);
    }

    @AfterEach
    void stop() throws Exception {
        second.close();
        first.close();
    }

    @Test
    void resultPageOfAPostOnOneNodeIsShownByTheOther() throws Exception {
        HttpResponse<String> posted = first.post("/feedback", first.validForm());
        String location = posted.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> page = second.get(location);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Обращение принято</h1>", first.intake().text("select number from ticket"));
    }

    @Test
    void statusLookupsSpreadOverBothNodesShareOneAllowance() throws Exception {
        assertThat(lookUp(first).statusCode()).isEqualTo(200);
        assertThat(lookUp(second).statusCode()).isEqualTo(200);

        assertThat(lookUp(first).statusCode()).as("third lookup of two allowed an hour").isEqualTo(429);
        assertThat(lookUp(second).statusCode()).isEqualTo(429);
    }

    private static HttpResponse<String> lookUp(WebFixture node) throws Exception {
        String csrf = WebFixture.hidden(node.get("/status").body(), "csrfToken");
        return node.client.send(HttpRequest.newBuilder(node.uri("/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf
                        + "&ticketNumber=26-0000001-4&email=a%40example.ru")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
