package org.supportintake.server.wiring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.server.metrics.JobMeters;

/**
 * Quartz with its JDBC job store on the application's database: clustered on PostgreSQL (one node
 * runs each job at a time, jobs fail over), a single node on H2. Jobs are built by the given
 * suppliers, so they get their collaborators through constructors.
 */
final class JobScheduler implements AutoCloseable {

    private final Scheduler scheduler;

    private JobScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static JobScheduler start(DataSource dataSource, boolean postgres, Map<Class<? extends Job>, Supplier<Job>> jobs) {
        String provider = "intake-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new PooledConnections(dataSource));
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "intake");
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", provider);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(postgres));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        try {
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, ignored) -> jobs.get(bundle.getJobDetail().getJobClass()).get());
            scheduler.start();
            return new JobScheduler(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the job scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs {@code job} with {@code data} every {@code interval}; replaces the stored schedule, so every node may call it. */
    void every(JobKey key, Class<? extends Job> job, Map<String, String> data, Duration interval) {
        var detail = JobBuilder.newJob(job).withIdentity(key).storeDurably().requestRecovery(false);
        data.forEach(detail::usingJobData);
        var trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).forJob(key).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(detail.build(), java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + key + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code job} at the times of a Quartz cron expression, read in Moscow time. */
    void cron(JobKey key, Class<? extends Job> job, String expression) {
        var detail = JobBuilder.newJob(job).withIdentity(key).storeDurably().requestRecovery(false).build();
        var trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(expression)
                        .inTimeZone(java.util.TimeZone.getTimeZone(SlaCalendar.MOSCOW))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + key + ": " + e.getMessage(), e);
        }
    }

    /** Adds the meters' listeners for every job and trigger. */
    void listen(JobMeters meters) {
        try {
            scheduler.getListenerManager().addJobListener(meters.jobs());
            scheduler.getListenerManager().addTriggerListener(meters.triggers());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot listen to the job scheduler: " + e.getMessage(), e);
        }
    }

    /** {@code up} while the scheduler runs jobs, else {@code down}. */
    String state() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode() ? "up" : "down";
        } catch (SchedulerException e) {
            return "down";
        }
    }

    /** Runs the job now (on whichever node's turn it is); a nudge, so a failure only waits for the next interval. */
    void runNow(JobKey key) {
        try {
            scheduler.triggerJob(key);
        } catch (SchedulerException e) {
            org.slf4j.LoggerFactory.getLogger(JobScheduler.class).debug("nudge for {} not delivered: {}", key, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot stop the job scheduler", e);
        }
    }

    /** Quartz takes its connections from our pool. */
    private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the application
        }

        @Override
        public void initialize() {
            // nothing to prepare
        }
    }
}
