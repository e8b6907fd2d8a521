package org.supportintake.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestOriginTest {

    @Test
    void requestWithoutOriginHeadersIsNotCrossSite() {
        assertThat(new RequestOrigin("", "", "intake.example.ru").isCrossSite()).isFalse();
    }

    @Test
    void originOfTheSameHostAndPortIsNotCrossSite() {
        assertThat(new RequestOrigin("https://intake.example.ru", "same-origin", "intake.example.ru").isCrossSite()).isFalse();
        assertThat(new RequestOrigin("http://localhost:8080", "", "LOCALHOST:8080").isCrossSite()).isFalse();
        assertThat(new RequestOrigin("https://intake.example.ru:443", "", "intake.example.ru").isCrossSite()).isFalse();
    }

    @Test
    void originOfAnotherHostOrPortIsCrossSite() {
        assertThat(new RequestOrigin("https://evil.example", "", "intake.example.ru").isCrossSite()).isTrue();
        assertThat(new RequestOrigin("http://localhost:9090", "", "localhost:8080").isCrossSite()).isTrue();
        assertThat(new RequestOrigin("https://intake.example.ru.evil.example", "", "intake.example.ru").isCrossSite()).isTrue();
    }

    @Test
    void opaqueNullOriginIsCrossSite() {
        assertThat(new RequestOrigin("null", "", "intake.example.ru").isCrossSite()).isTrue();
    }

    @Test
    void fetchSiteOtherThanSameOriginOrNoneIsCrossSite() {
        assertThat(new RequestOrigin("", "none", "intake.example.ru").isCrossSite()).isFalse();
        assertThat(new RequestOrigin("", "same-site", "intake.example.ru").isCrossSite()).isTrue();
        assertThat(new RequestOrigin("", "cross-site", "intake.example.ru").isCrossSite()).isTrue();
    }
}
