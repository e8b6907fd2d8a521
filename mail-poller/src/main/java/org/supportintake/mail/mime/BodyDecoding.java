package org.supportintake.mail.mime;

import java.io.InputStream;
import java.util.Optional;

/** Undoes a body's transfer encoding (RFC 2045 §6, and the uuencode of old mailers) as a stream. */
final class BodyDecoding {

    /** Set when a decoder met damage; what came before it was still decoded. */
    static final class Damage implements Runnable {
        private boolean seen;

        @Override
        public void run() {
            seen = true;
        }

        boolean seen() {
            return seen;
        }
    }

    private BodyDecoding() {
    }

    /** The decoded body; empty for an encoding nobody knows (RFC 2045 §6.4: the part cannot be read). */
    static Optional<InputStream> open(MimeEntity entity, Damage damage) {
        if (!knows(entity)) {
            return Optional.empty();
        }
        return Optional.of(switch (entity.transferEncoding()) {
            case "base64" -> new Base64Input(entity.rawBody(), damage);
            case "quoted-printable" -> new QuotedPrintableInput(entity.rawBody());
            case "x-uuencode", "uuencode", "x-uue", "uue" -> new UuDecodedInput(entity.rawBody(), damage);
            default -> entity.rawBody();
        });
    }

    static boolean knows(MimeEntity entity) {
        return switch (entity.transferEncoding()) {
            case "", "7bit", "8bit", "binary", "7-bit", "8-bit", "none", "base64", "quoted-printable",
                    "x-uuencode", "uuencode", "x-uue", "uue" -> true;
            default -> false;
        };
    }
}
