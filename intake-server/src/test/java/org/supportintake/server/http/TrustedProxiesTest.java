package org.supportintake.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static boolean trusts(String list, String address) throws Exception {
        return TrustedProxies.parse(list).contains(InetAddress.getByName(address));
    }

    @Test
    void ipv4RangesMatchByTheirPrefix() throws Exception {
        assertThat(trusts("192.168.0.0/16", "192.168.200.7")).isTrue();
        assertThat(trusts("192.168.0.0/16", "192.169.0.1")).isFalse();
        assertThat(trusts("10.0.0.0/9", "10.127.255.255")).isTrue();
        assertThat(trusts("10.0.0.0/9", "10.128.0.0")).isFalse();
        assertThat(trusts("0.0.0.0/0", "203.0.113.9")).isTrue();
    }

    @Test
    void singleAddressesMatchOnlyThemselves() throws Exception {
        assertThat(trusts("10.0.0.5, 10.0.0.6", "10.0.0.6")).isTrue();
        assertThat(trusts("10.0.0.5", "10.0.0.7")).isFalse();
        assertThat(trusts("::1", "::1")).isTrue();
    }

    @Test
    void ipv6RangesMatchByTheirPrefixAndNeverAnIpv4Address() throws Exception {
        assertThat(trusts("fd00::/8", "fd12:3456::1")).isTrue();
        assertThat(trusts("fd00::/8", "fe80::1")).isFalse();
        assertThat(trusts("2001:db8::/127", "2001:db8::1")).isTrue();
        assertThat(trusts("2001:db8::/127", "2001:db8::2")).isFalse();
        assertThat(trusts("::/0", "10.0.0.1")).isFalse();
    }

    @Test
    void emptyListTrustsNobody() throws Exception {
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
        assertThat(trusts("", "127.0.0.1")).isFalse();
    }

    @Test
    void namesAndBadRangesAreRefusedWithoutALookup() {
        for (String bad : new String[] {"proxy.example.ru", "10.0.0.0/33", "fd00::/129", "10.0.0.1/x", "300.1.1.1"}) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
