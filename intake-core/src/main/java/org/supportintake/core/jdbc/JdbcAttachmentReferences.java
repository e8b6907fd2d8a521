package org.supportintake.core.jdbc;

import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.ticket.AttachmentReferences;

/**
 * {@link AttachmentReferences}: attachments, raw messages kept as evidence, and set-aside mail not deleted; each question
 * is its own short read.
 */
public final class JdbcAttachmentReferences implements AttachmentReferences {

    private final Jdbi jdbi;

    public JdbcAttachmentReferences(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean isReferenced(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("select (select count(*) from attachment where sha256 = :sha256) "
                        + "+ (select count(*) from message where raw_sha256 = :sha256) "
                        + "+ (select count(*) from receipt where raw_sha256 = :sha256) "
                        + "+ (select count(*) from set_aside_mail where raw_sha256 = :sha256 and state <> 'deleted')")
                .bind("sha256", sha256).mapTo(Long.class).one() > 0);
    }
}
