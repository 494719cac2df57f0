package io.github.agentprotocols.benchmarks.observation;

/**
 * How a benchmark application observes, selected by the {@value #PROPERTY} property and
 * configured by {@link ObservationModeConfiguration}. Every mode has a meter registry, so
 * the starters' own meters cost the same in all three; the modes differ only in the
 * observation registry.
 */
public enum ObservationMode {

	/**
	 * {@code ObservationRegistry.NOOP} in place of Boot's: no observation does anything,
	 * Spring's own included.
	 */
	NOOP,

	/**
	 * Boot's observation registry with its default meter handler (timers and long task
	 * timers), what an application with the actuator has.
	 */
	METRICS,

	/**
	 * {@link #METRICS} plus Micrometer Tracing on the OpenTelemetry SDK, every trace
	 * sampled, spans batched to an exporter that drops them.
	 */
	TRACING;

	/** The property that selects the mode. */
	public static final String PROPERTY = "bench.observation";

	/**
	 * The property that selects this mode.
	 * @return {@code key=value}
	 */
	public String property() {
		return PROPERTY + "=" + name().toLowerCase(java.util.Locale.ROOT);
	}

}
