package org.supportintake.mail.mime;

/**
 * RFC 5322 §3.2.2 comments in an address header ({@code pete(his account)@silly.test(his host)}),
 * nested and with quoted pairs, taken out so the address parses; quoted strings are left alone. The
 * last comment is kept: old mailers put the display name there ({@code ivan@example.ru (Ivan)}).
 */
record AddressComments(String withoutComments, String lastComment) {

    static AddressComments of(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        StringBuilder comment = new StringBuilder();
        String last = "";
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (quoted || depth > 0)) {
                (depth > 0 ? comment : kept).append(quoted ? value.substring(i, i + 2) : value.substring(i + 1, i + 2));
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                kept.append(c);
            } else if (!quoted && c == '(') {
                if (depth++ > 0) {
                    comment.append(c);
                }
            } else if (!quoted && c == ')' && depth > 0) {
                if (--depth == 0) {
                    last = comment.toString().strip();
                    comment.setLength(0);
                } else {
                    comment.append(c);
                }
            } else {
                (depth > 0 ? comment : kept).append(c);
            }
        }
        return new AddressComments(kept.toString().strip(), last);
    }
}
