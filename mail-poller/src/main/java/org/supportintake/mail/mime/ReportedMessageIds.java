package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * The Message-IDs the body of a bounce names: of the returned message or its headers (RFC 3462
 * third part), and any "Message-ID:" line in its text. Read within {@link MimeLimits}, like any mail.
 */
public final class ReportedMessageIds {

    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^>\\s]+>)");
    private static final int MAX_TEXT = 256 * 1024;
    private static final int MAX_DEPTH = 5;

    private ReportedMessageIds() {
    }

    /** The ids found, in order; whatever could be found when the bounce is malformed. */
    public static List<String> in(MimeMessage bounce) {
        Set<String> ids = new LinkedHashSet<>();
        DecodeMonitor ignored = new DecodeMonitor(); // a bounce's own defects matter to nobody
        ReadBudget budget = new ReadBudget(MimeLimits.defaults(), Clock.systemUTC(), ignored);
        try {
            collect(MimeEntity.of(bounce), ids, 0, budget, ignored);
        } catch (MessagingException noBody) {
            // a bounce without a body still is a bounce; its headers may name the message
        } catch (IOException storedFile) {
            throw new UnableToReadMailException("cannot read the stored message", storedFile);
        }
        return List.copyOf(ids);
    }

    private static void collect(MimeEntity entity, Set<String> ids, int depth, ReadBudget budget, DecodeMonitor monitor)
            throws IOException {
        String type = entity.contentType().value();
        int maxHeader = budget.limits().maxHeaderBytes();
        if (depth > MAX_DEPTH || budget.exhausted()) {
            return;
        }
        if (type.startsWith("multipart/")) {
            String boundary = entity.contentType().parameter("boundary").orElse("");
            for (MultipartSplit.Range range : MultipartSplit.split(entity::rawBody, boundary, budget, monitor).parts()) {
                collect(entity.part(range, "text/plain", maxHeader, monitor), ids, depth + 1, budget, monitor);
            }
        } else if (type.equals("message/rfc822") || type.equals("text/rfc822-headers")) {
            byte[] head = decodedText(entity);
            MimeEntity returned = MimeEntity.read(new SharedByteArrayInputStream(head), "text/plain", maxHeader, monitor);
            ids.addAll(MessageIds.in(returned.header("Message-ID")));
        } else if (type.startsWith("text/") || type.equals("message/delivery-status")) {
            Matcher m = MESSAGE_ID_LINE.matcher(new String(decodedText(entity), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
    }

    private static byte[] decodedText(MimeEntity entity) throws IOException {
        var decoded = BodyDecoding.open(entity, new BodyDecoding.Damage());
        if (decoded.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = decoded.get()) {
            return in.readNBytes(MAX_TEXT);
        }
    }
}
