package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body parts of one multipart entity, walked in order. Of a multipart/alternative (RFC 2046
 * §5.1.4) the plain text rendering is read, and the others give their files (the images of a
 * multipart/related HTML body) and their HTML, so a pasted screenshot is never dropped.
 */
final class MultipartWalk {

    private static final int MAX_ENCODED_MULTIPART = 32 * 1024 * 1024;
    private static final Set<String> SIGNATURES = Set.of("application/pkcs7-signature",
            "application/x-pkcs7-signature", "application/pgp-signature");

    private final MailParts parts;
    private final MimeEntity entity;
    private final int depth;
    private final MailParts.Mode mode;

    MultipartWalk(MailParts parts, MimeEntity entity, int depth, MailParts.Mode mode) {
        this.parts = parts;
        this.entity = entity;
        this.depth = depth;
        this.mode = mode;
    }

    void walk() throws IOException {
        if (!entity.isIdentityEncoded() && BodyDecoding.knows(entity)) {
            try (InputStream in = BodyDecoding.open(entity, new BodyDecoding.Damage()).orElseThrow()) {
                new MultipartWalk(parts, entity.withDecodedBody(in.readNBytes(MAX_ENCODED_MULTIPART)), depth, mode).walk();
            }
            return;
        }
        ReadBudget budget = parts.budget();
        ContentHeader type = entity.contentType();
        MultipartSplit.Split split = MultipartSplit.split(entity::rawBody, type.parameter("boundary").orElse(""),
                budget, parts.monitor());
        List<MultipartSplit.Range> ranges = split.parts();
        if (ranges.isEmpty()) {
            if (!budget.exhausted() && !entity.hasEmptyBody()) {
                parts.monitor().warn("a multipart has no body parts; its body was read as plain text");
                parts.readAsPlainText(entity);
            }
            return;
        }
        String childType = type.value().equals("multipart/digest") ? "message/rfc822" : "text/plain";
        List<MimeEntity> children = new ArrayList<>(ranges.size());
        for (MultipartSplit.Range range : ranges) {
            children.add(entity.part(range, childType, budget.limits().maxHeaderBytes(), parts.monitor()));
        }
        int chosen = type.value().equals("multipart/alternative") ? plainRendering(children) : -1;
        if (isSignature(type, children)) {
            children.remove(children.size() - 1);
        }
        outside(split.preamble(), "preamble");
        for (int i = 0; i < children.size() && !budget.exhausted(); i++) {
            parts.walk(children.get(i), depth + 1, chosen < 0 || i == chosen ? mode : MailParts.Mode.ALTERNATIVE);
        }
        outside(split.epilogue(), "epilogue");
        if (split.partsAfterClose()) {
            parts.monitor().warn("a multipart has body parts after its close delimiter; they were read as its parts");
        }
    }

    /** Text some clients write outside the parts is the citizen's too: read, unless it is a mailer's note on MIME. */
    private void outside(Optional<MultipartSplit.Range> range, String where) throws IOException {
        if (range.isPresent() && mode == MailParts.Mode.ALL && !parts.budget().exhausted()) {
            try (InputStream in = entity.rawBody(range.get())) {
                parts.readOutsideParts(in, where);
            }
        }
    }

    /**
     * The signature of the message itself (RFC 1847 §2.1: the second part of a multipart/signed, of the type its
     * {@code protocol} names), not a citizen's file. A signature file attached anywhere else is a file like any other.
     */
    private static boolean isSignature(ContentHeader type, List<MimeEntity> children) {
        if (!type.value().equals("multipart/signed") || children.size() < 2) {
            return false;
        }
        String last = children.get(children.size() - 1).contentType().value();
        return SIGNATURES.contains(last) || type.parameter("protocol").filter(last::equalsIgnoreCase).isPresent();
    }

    /** The last text/plain alternative, else the last one (the richest, RFC 2046 §5.1.4). */
    private static int plainRendering(List<MimeEntity> alternatives) {
        int chosen = alternatives.size() - 1;
        for (int i = 0; i < alternatives.size(); i++) {
            if (alternatives.get(i).contentType().value().equals("text/plain")) {
                chosen = i;
            }
        }
        return chosen;
    }
}
