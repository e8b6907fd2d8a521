package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextPageTest {

    @ParameterizedTest
    @ValueSource(strings = {"/staff", "/staff/tickets/26-0004217-9", "/staff?status=new&q=%D0%B2%D1%85%D0%BE%D0%B4",
            "/staff/log?from=2026-12-01"})
    void aStaffPathOnThisSiteIsKeptWithItsQuery(String next) {
        assertThat(NextPage.of(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "//evil.example", "//evil.example/staff", "///evil.example/staff", "https://evil.example/staff",
            "http:/staff", "/\\evil.example", "/staff\\..\\..\\evil", "/staff/../evil", "/staff/./x", "/staff/%2e%2e/evil",
            "/staff/%2E%2E/evil", "/staff%2f..%2fevil", "/staff//evil.example", "/staffs", "/staff@evil.example",
            "javascript:alert(1)", "staff", "/staff/ x", "/staff/\tx", "/staff/%0d%0aSet-Cookie:x", "/staff/вход",
            "/staff/login", "/staff/logout", "/staff#frag\"", "/"})
    void anythingElseLeadsToTheQueue(String next) {
        assertThat(NextPage.of(next)).isEqualTo("/staff");
    }

    @org.junit.jupiter.api.Test
    void aFragmentIsDropped() {
        assertThat(NextPage.of("/staff/tickets/1#messages")).isEqualTo("/staff/tickets/1");
    }
}
