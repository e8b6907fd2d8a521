package org.supportintake.core.rating;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed rating links, {@code PUBLIC_URL/rate/{token}/{score}}: the token is the ticket id and the answer's time, with
 * their HMAC-SHA256 under the {@link RatingKey}, in URL-safe base64. Without the key a token can be neither made nor
 * changed, so ticket ids cannot be walked; the score is the citizen's choice and is not signed. Thread-safe.
 */
public final class RatingLinks {

    private static final String ALGORITHM = "HmacSHA256";
    /** Names what the signature is for, so that no other signature under the same key can pass for it. */
    private static final byte[] PURPOSE = "support-intake rating v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FACTS = 16;
    private static final int MAC = 32;
    private static final List<String> LABELS = List.of("1 — плохо", "2 — неудовлетворительно", "3 — удовлетворительно",
            "4 — хорошо", "5 — отлично");

    private final RatingKey key;
    private final String base;

    public RatingLinks(RatingKey key, String publicUrl) {
        this.key = key;
        this.base = (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "rate/";
    }

    /** One link and its label per score, 1 to 5, for the answer sent at {@code resolvedAt}. */
    public List<RatingLink> links(long ticketId, Instant resolvedAt) {
        String token = token(new RatingToken(ticketId, resolvedAt));
        return IntStream.rangeClosed(1, 5).mapToObj(score -> new RatingLink(score, label(score), base + token + "/" + score))
                .toList();
    }

    public String token(RatingToken facts) {
        byte[] signed = ByteBuffer.allocate(FACTS + MAC).putLong(facts.ticketId())
                .putLong(facts.resolvedAt().getEpochSecond()).array();
        System.arraycopy(mac(signed), 0, signed, FACTS, MAC);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** The facts of a token whose signature holds; empty for anything else, forged or mangled. */
    public Optional<RatingToken> verify(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != FACTS + MAC) {
            return Optional.empty();
        }
        byte[] expected = mac(bytes);
        byte[] given = new byte[MAC];
        System.arraycopy(bytes, FACTS, given, 0, MAC);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        ByteBuffer facts = ByteBuffer.wrap(bytes, 0, FACTS);
        return Optional.of(new RatingToken(facts.getLong(), Instant.ofEpochSecond(facts.getLong())));
    }

    /** The Russian label of a score, as the mail and the page show it. */
    public static String label(int score) {
        return LABELS.get(score - 1);
    }

    private byte[] mac(byte[] signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
            mac.update(PURPOSE);
            mac.update(signed, 0, FACTS);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A score, its label, and the link that gives it. */
    public record RatingLink(int score, String label, String url) {
    }
}
