package org.supportintake.mail.smtp;

import java.net.IDN;

/**
 * An address with its domain written in ASCII (IDNA A-labels): {@code user@почта.рф} goes out as
 * {@code user@xn--80a1acny.xn--p1ai}, which every mail server takes, where the Unicode form needs SMTPUTF8 on each hop.
 * A local part in another script is left as it is: only SMTPUTF8 can carry it, and a server that refuses it makes
 * the mail's failure visible on the ticket.
 */
final class AsciiDomain {

    private AsciiDomain() {
    }

    static String of(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        try {
            return address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notADomainIdnaTakes) {
            return address;
        }
    }
}
