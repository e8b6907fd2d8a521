package org.supportintake.web.security;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client an allowance is counted for, from its address: an IPv4 address is one client; an IPv6 address counts as
 * its /64 network, the least one subscriber is given (RFC 6177), since counted one by one its 2^64 addresses would each
 * be a fresh allowance.
 */
public final class ClientNetwork {

    private static final int PREFIX_BYTES = 8;

    private ClientNetwork() {
    }

    /** The key of {@code address} as the container gives it ({@code 203.0.113.7}, {@code [2001:db8::17]}, {@code ::1}). */
    public static String of(String address) {
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!literal.contains(":")) {
            return address;
        }
        try {
            // A literal with a colon is parsed as an IPv6 address, never looked up.
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress(); // IPv4-mapped: the IPv4 client itself
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(parsed.getAddress(), PREFIX_BYTES), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
