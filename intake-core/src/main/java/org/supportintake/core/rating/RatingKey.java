package org.supportintake.core.rating;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret that signs rating links; never printed. Immutable. */
public final class RatingKey {

    /** A configured secret shorter than this is refused: it would be guessable offline from one link. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final byte[] bytes;

    private RatingKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A configured secret, as its UTF-8 bytes; at least {@value #MIN_SECRET_LENGTH} characters. */
    public static RatingKey of(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a rating secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        return new RatingKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** 256 random bits, written as the text stored in the database. */
    public static String generateSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "RatingKey[hidden]";
    }
}
