package org.supportintake.mail.bench;

import java.lang.reflect.Method;

/**
 * async-profiler around the timed intake only, when bench/mail.sh is given BENCH_PROFILE: a profile of the whole
 * run would mix in the warm-up rounds, the baselines and the mail delivery. Its Java API is called by reflection,
 * so the benchmark compiles without it.
 */
final class TimedProfile implements AutoCloseable {

    private final Object profiler;
    private final Method execute;
    private final String options;

    private TimedProfile(Object profiler, Method execute, String options) {
        this.profiler = profiler;
        this.execute = execute;
        this.options = options;
    }

    /** Starts profiling with {@code -Dbench.profile} (async-profiler's options) when it is set; otherwise does nothing. */
    static TimedProfile start() throws ReflectiveOperationException {
        String options = System.getProperty("bench.profile");
        if (options == null || options.isBlank()) {
            return new TimedProfile(null, null, null);
        }
        Class<?> api = Class.forName("one.profiler.AsyncProfiler");
        Object profiler = api.getMethod("getInstance", String.class).invoke(null, System.getProperty("bench.profiler"));
        Method execute = api.getMethod("execute", String.class);
        execute.invoke(profiler, "start," + options);
        return new TimedProfile(profiler, execute, options);
    }

    /** Stops profiling and writes the file its options name. */
    @Override
    public void close() throws ReflectiveOperationException {
        if (profiler != null) {
            execute.invoke(profiler, "stop," + options);
        }
    }
}
