package org.supportintake.core.intake;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.supportintake.core.logging.LogSafe;

/** Runs the stages in order until one stops; times each stage and puts the external id into the logging context. */
public final class IntakePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(IntakePipeline.class);

    private final List<IntakeStage> stages;
    private final IntakeObserver observer;

    public IntakePipeline(List<IntakeStage> stages) {
        this(stages, IntakeObserver.NONE);
    }

    /** {@code observer} is told how long each stage ran. */
    public IntakePipeline(List<IntakeStage> stages, IntakeObserver observer) {
        this.stages = List.copyOf(stages);
        this.observer = observer;
    }

    public IntakeOutcome run(IntakeContext context) {
        try (var ignored = MDC.putCloseable("externalId", LogSafe.of(context.submission().externalId()).toString())) {
            for (IntakeStage stage : stages) {
                long started = System.nanoTime();
                StageVerdict verdict = stage.apply(context);
                long took = System.nanoTime() - started;
                observer.stageRan(stage.getClass().getSimpleName(), took);
                LOG.trace("{} took {} µs", stage.getClass().getSimpleName(), took / 1000);
                if (verdict instanceof StageVerdict.Stop stop) {
                    LOG.debug("{} stopped the path: {}", stage.getClass().getSimpleName(), stop.outcome().getClass().getSimpleName());
                    return stop.outcome();
                }
            }
            return context.outcome();
        }
    }
}
