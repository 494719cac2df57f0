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

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@link ObservationMode} adds to Boot's meter and observation registries: the no-op
 * registry in its place, or a tracing handler. Active only when
 * {@value ObservationMode#PROPERTY} is set; without it, Boot's registries are off
 * altogether (see {@code BaselineApplication.Running}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(ObservationMode.PROPERTY)
public class ObservationModeConfiguration {

	@Bean
	@ConditionalOnProperty(name = ObservationMode.PROPERTY, havingValue = "noop")
	ObservationRegistry noopObservationRegistry() {
		return ObservationRegistry.NOOP;
	}

	@Bean
	@ConditionalOnProperty(name = ObservationMode.PROPERTY, havingValue = "tracing")
	DroppingExporter droppingExporter() {
		return new DroppingExporter();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = ObservationMode.PROPERTY, havingValue = "tracing")
	SdkTracerProvider tracerProvider(DroppingExporter exporter) {
		return SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
	}

	@Bean
	@ConditionalOnProperty(name = ObservationMode.PROPERTY, havingValue = "tracing")
	ObservationHandler<Observation.Context> tracingObservationHandler(SdkTracerProvider provider) {
		return tracingHandler(provider);
	}

	/**
	 * Micrometer Tracing's handlers (sending, receiving, default) on a tracer of the
	 * given provider, with W3C propagation.
	 * @param provider the OpenTelemetry tracer provider
	 * @return the handler
	 */
	static ObservationHandler<Observation.Context> tracingHandler(SdkTracerProvider provider) {
		io.opentelemetry.api.trace.Tracer otelTracer = provider.get("benchmarks");
		Tracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), (event) -> {
		});
		Propagator propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()),
				otelTracer);
		return new FirstMatchingCompositeObservationHandler(
				new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
				new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
				new DefaultTracingObservationHandler(tracer));
	}

	/**
	 * Receives every batch of spans, as an exporter to a collector would, and drops it,
	 * counting the spans.
	 */
	public static final class DroppingExporter implements SpanExporter {

		private final AtomicLong exported = new AtomicLong();

		/**
		 * The spans received so far.
		 * @return the count
		 */
		public long exported() {
			return this.exported.get();
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			this.exported.addAndGet(spans.size());
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
