package org.supportintake.core.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketStatus;

/**
 * Which tickets the queue shows; each empty part means any. Without a status the queue holds the open tickets (the
 * day's work), unless {@code everyStatus} asks for all or a search is given: a number or an address is looked for
 * among closed tickets too. {@code assignee} is a staff login ("assigned to me"); {@code from} is inclusive,
 * {@code to} exclusive.
 */
public record QueueFilter(Optional<TicketStatus> status, boolean everyStatus, Optional<Category> category,
                          Optional<Priority> priority, Optional<Channel> channel, Optional<QueueFlag> flag,
                          Optional<String> assignee, Optional<Instant> from, Optional<Instant> to,
                          Optional<QueueSearch> search) {

    /** What is still to be answered: the queue's default. */
    public static final Set<TicketStatus> OPEN = EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_FOR_CITIZEN);

    public QueueFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(search, "search");
    }

    /** The open tickets, nothing else asked. */
    public static QueueFilter open() {
        return new QueueFilter(Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The statuses shown; empty means every status. */
    public Set<TicketStatus> statuses() {
        if (status.isPresent()) {
            return EnumSet.of(status.get());
        }
        return everyStatus || search.isPresent() ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(OPEN);
    }

    public QueueFilter withStatus(TicketStatus value) {
        return new QueueFilter(Optional.of(value), everyStatus, category, priority, channel, flag, assignee, from, to,
                search);
    }

    public QueueFilter withEveryStatus() {
        return new QueueFilter(status, true, category, priority, channel, flag, assignee, from, to, search);
    }

    public QueueFilter withCategory(Category value) {
        return new QueueFilter(status, everyStatus, Optional.of(value), priority, channel, flag, assignee, from, to,
                search);
    }

    public QueueFilter withPriority(Priority value) {
        return new QueueFilter(status, everyStatus, category, Optional.of(value), channel, flag, assignee, from, to,
                search);
    }

    public QueueFilter withChannel(Channel value) {
        return new QueueFilter(status, everyStatus, category, priority, Optional.of(value), flag, assignee, from, to,
                search);
    }

    public QueueFilter withFlag(QueueFlag value) {
        return new QueueFilter(status, everyStatus, category, priority, channel, Optional.of(value), assignee, from, to,
                search);
    }

    public QueueFilter withAssignee(String login) {
        return new QueueFilter(status, everyStatus, category, priority, channel, flag, Optional.of(login), from, to,
                search);
    }

    public QueueFilter withReceived(Optional<Instant> fromValue, Optional<Instant> toValue) {
        return new QueueFilter(status, everyStatus, category, priority, channel, flag, assignee, fromValue, toValue,
                search);
    }

    /** With the search {@code typed} asks for (see {@link QueueSearch}); nothing to search for leaves it out. */
    public QueueFilter withSearch(String typed) {
        return new QueueFilter(status, everyStatus, category, priority, channel, flag, assignee, from, to,
                QueueSearch.of(typed));
    }

    /**
     * The filter in a few words for the audit ({@code status=accepted q=…}); contact details in it are masked by the
     * audit itself.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        status.ifPresent(s -> parts.add("status=" + s.code()));
        if (status.isEmpty() && everyStatus) {
            parts.add("status=all");
        }
        category.ifPresent(c -> parts.add("category=" + c.code()));
        priority.ifPresent(p -> parts.add("priority=" + p.code()));
        channel.ifPresent(c -> parts.add("channel=" + c.code()));
        flag.ifPresent(f -> parts.add("flag=" + f.code()));
        assignee.ifPresent(a -> parts.add("assignee=" + a));
        from.ifPresent(f -> parts.add("from=" + f));
        to.ifPresent(t -> parts.add("to=" + t));
        // Quoted, so the audit's masking sees where an address begins.
        search.ifPresent(s -> parts.add("q=\"" + s.text() + "\""));
        return parts.isEmpty() ? "open" : String.join(" ", parts);
    }
}
