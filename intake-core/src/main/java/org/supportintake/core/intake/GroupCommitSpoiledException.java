package org.supportintake.core.intake;

/**
 * A call joined to a group commit ({@link Transactions#inOneCommit}) failed, so none of the group may commit: the
 * caller takes its calls again one at a time, each in a transaction of its own.
 */
public final class GroupCommitSpoiledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GroupCommitSpoiledException(Throwable firstFailure) {
        super("a call joined to this group commit failed; nothing of the group is committed", firstFailure);
    }
}
