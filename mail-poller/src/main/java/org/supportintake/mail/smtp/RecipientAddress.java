package org.supportintake.mail.smtp;

import java.net.IDN;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A citizen's address as SMTP can carry it: a domain in letters ({@code почта.рф}) in its ASCII form (RFC 5890,
 * {@code xn--80a1acny.xn--p1ai}), which every relay accepts, where the letters would need SMTPUTF8 (RFC 6531).
 * A local part in letters would need SMTPUTF8 and is refused here, a permanent failure, rather than sent garbled.
 */
final class RecipientAddress {

    private RecipientAddress() {
    }

    static InternetAddress of(String address) throws AddressException {
        int at = address.lastIndexOf('@');
        if (at < 0 || address.chars().allMatch(c -> c < 0x80)) {
            return new InternetAddress(address, true);
        }
        if (address.substring(0, at).chars().anyMatch(c -> c >= 0x80)) {
            // without SMTPUTF8 the letters cannot travel in RCPT TO; Angus Mail would send them garbled, not refuse them
            throw new AddressException("Local part in letters needs SMTPUTF8 (RFC 6531), which is not used", address);
        }
        try {
            String domain = IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED);
            return new InternetAddress(address.substring(0, at + 1) + domain, true);
        } catch (IllegalArgumentException notADomain) {
            throw new AddressException("Domain is not a valid internationalized domain name", address);
        }
    }
}
