package org.supportintake.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.intake.IntakeObserver;
import org.supportintake.core.intake.IntakePath;
import org.supportintake.core.intake.IntakePipeline;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.intake.IntakeStage;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcTransactions;
import org.supportintake.core.outbox.AcknowledgementLimit;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.sla.ProductionCalendar;
import org.supportintake.core.outbox.OutboxNudge;
import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.rating.AnswerRatings;
import org.supportintake.core.rating.RatingKey;
import org.supportintake.core.rating.RatingLinks;
import org.supportintake.core.work.CitizenNotices;
import org.supportintake.core.work.TicketWork;
import org.supportintake.core.validation.IntakeValidator;

/** The real intake path on a migrated database, with the fixtures' fixed clock ({@link TestClocks}); stages can be spliced in for fault injection. */
public final class IntakeFixture {

    /** Generous, so that load tests from one address are not throttled; the limit has its own test. */
    public static final int ACKNOWLEDGEMENTS_PER_HOUR = 1_000_000;
    private static final IntakeValidator VALIDATOR = new IntakeValidator(AttachmentPolicy.form());
    /** DESIGN.md's defaults: at risk in the last fifth, reopened within seven days. */
    public static final ReplyClock REPLY_CLOCK = new ReplyClock(new SlaCalendar(ProductionCalendar.bundled()), 0.2,
            Duration.ofDays(7));

    /** The fixtures' rating secret; a server started with it as INTAKE_RATING_SECRET accepts the fixtures' links. */
    public static final String RATING_SECRET = "fixture rating secret, 32 characters or more";
    /** The fixtures' rating links; tests verify the links in mails with them. */
    public static final RatingLinks RATING_LINKS = new RatingLinks(RatingKey.of(RATING_SECRET), "http://localhost:8080");

    private final Jdbi jdbi;
    private final Clock clock = TestClocks.fixture();

    private IntakeFixture(DataSource dataSource) {
        Database.migrate(dataSource);
        this.jdbi = Database.jdbi(dataSource);
    }

    public static IntakeFixture on(DataSource dataSource) {
        return new IntakeFixture(dataSource);
    }

    public List<IntakeStage> stages() {
        return stages(ACKNOWLEDGEMENTS_PER_HOUR);
    }

    public List<IntakeStage> stages(int acknowledgementsPerHour) {
        return IntakePath.stages(VALIDATOR, REPLY_CLOCK, new AcknowledgementText("http://localhost:8080"),
                new OutgoingMessageIds("support@localhost"), new AcknowledgementLimit(acknowledgementsPerHour, clock),
                clock);
    }

    public IntakeService service() {
        return serviceWith(stages());
    }

    public IntakeService serviceWith(List<IntakeStage> stages) {
        return new IntakeService(new JdbcTransactions(jdbi), new IntakePipeline(stages), clock);
    }

    /** The standard path, telling {@code observer} of each submission taken. */
    public IntakeService observedBy(IntakeObserver observer) {
        return new IntakeService(new JdbcTransactions(jdbi), new IntakePipeline(stages()), clock, OutboxNudge.NONE,
                observer);
    }

    /** The standard path with {@code extra} inserted right after the first stage of type {@code after}. */
    public IntakeService serviceWithStageAfter(Class<? extends IntakeStage> after, IntakeStage extra) {
        List<IntakeStage> stages = new ArrayList<>(stages());
        int index = 0;
        while (!after.isInstance(stages.get(index))) {
            index++;
        }
        stages.add(index + 1, extra);
        return serviceWith(stages);
    }

    /** Staff moves on this database, dated by {@code workClock}. */
    public TicketWork work(Clock workClock) {
        return new TicketWork(new JdbcTransactions(jdbi), REPLY_CLOCK, new CitizenNotices("http://localhost:8080", RATING_LINKS),
                new OutgoingMessageIds("support@localhost"), new AcknowledgementLimit(ACKNOWLEDGEMENTS_PER_HOUR, workClock),
                OutboxNudge.NONE, workClock);
    }

    /** Ratings of answers on this database, dated by {@code ratingClock}. */
    public AnswerRatings ratings(Clock ratingClock) {
        return new AnswerRatings(new JdbcTransactions(jdbi), RATING_LINKS, ratingClock);
    }

    public long rows(String table) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }

    /** The one string a query returns. */
    public String text(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    /** The one instant a query returns. */
    public Instant instant(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(OffsetDateTime.class).one()).toInstant();
    }

    public Clock clock() {
        return clock;
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
