/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.benchmarks.observation;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

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

	/**
	 * A registry of this mode for code measured without Spring: a simple meter registry
	 * behind the metrics, spans batched to an exporter that drops them.
	 * @return the registry
	 */
	public ObservationRegistry registry() {
		if (this == NOOP) {
			return ObservationRegistry.NOOP;
		}
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		if (this == TRACING) {
			SdkTracerProvider provider = SdkTracerProvider.builder()
				.addSpanProcessor(
						BatchSpanProcessor.builder(new ObservationModeConfiguration.DroppingExporter()).build())
				.build();
			registry.observationConfig().observationHandler(ObservationModeConfiguration.tracingHandler(provider));
		}
		return registry;
	}

}
