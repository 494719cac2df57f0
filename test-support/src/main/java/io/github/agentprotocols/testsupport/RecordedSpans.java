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

package io.github.agentprotocols.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Real tracing for tests: the OpenTelemetry SDK behind Micrometer Tracing's bridge, W3C
 * {@code traceparent} propagation, and the finished spans kept in memory. Its
 * {@link #observationRegistry()} turns observations into spans the way an application
 * with Boot's OpenTelemetry support does, so a test can assert the span tree a protocol
 * operation produces, within one instance or across two that share a relay.
 */
public final class RecordedSpans implements AutoCloseable {

	private final List<SpanData> finished = new ArrayList<>();

	private final Duration timeout;

	private final SdkTracerProvider provider;

	private final Tracer tracer;

	private final Propagator propagator;

	private final ObservationRegistry observationRegistry;

	private RecordedSpans(Duration timeout) {
		this.timeout = timeout;
		this.provider = SdkTracerProvider.builder().addSpanProcessor(new Recorder()).build();
		io.opentelemetry.api.trace.Tracer otelTracer = this.provider.get("agent-protocols-tests");
		this.tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), (event) -> {
		});
		this.propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()),
				otelTracer);
		this.observationRegistry = ObservationRegistry.create();
		this.observationRegistry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, this.propagator),
					new PropagatingReceiverTracingObservationHandler<>(this.tracer, this.propagator),
					new DefaultTracingObservationHandler(this.tracer)));
	}

	/**
	 * Starts recording.
	 * @return a recorder with an empty span list
	 */
	public static RecordedSpans start() {
		return start(Duration.ofSeconds(20));
	}

	static RecordedSpans start(Duration timeout) {
		return new RecordedSpans(timeout);
	}

	/**
	 * The registry to give the code under test: each observation becomes a span; a sender
	 * context's carrier receives {@code traceparent}, a receiver context's carrier is
	 * read for it.
	 * @return the tracing observation registry
	 */
	public ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	/**
	 * The Micrometer tracer behind the registry.
	 * @return the tracer
	 */
	public Tracer tracer() {
		return this.tracer;
	}

	/**
	 * The W3C propagator behind the registry.
	 * @return the propagator
	 */
	public Propagator propagator() {
		return this.propagator;
	}

	/**
	 * The spans finished so far, in the order they ended.
	 * @return a copy of the finished spans
	 */
	public List<SpanData> finished() {
		synchronized (this.finished) {
			return List.copyOf(this.finished);
		}
	}

	/**
	 * Waits for the first finished span with the given name.
	 * @param name the span name (the observation's contextual name, else its name)
	 * @return the span
	 * @throws AssertionError if none ends within 20 seconds, listing the spans seen
	 */
	public SpanData awaitSpan(String name) {
		return awaitSpan("a span named '" + name + "'", (span) -> span.getName().equals(name));
	}

	/**
	 * Waits for the first finished span that matches.
	 * @param description what is awaited, for the failure message
	 * @param condition the condition a span must meet
	 * @return the span
	 * @throws AssertionError if none ends within 20 seconds, listing the spans seen
	 */
	public SpanData awaitSpan(String description, Predicate<SpanData> condition) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		synchronized (this.finished) {
			while (true) {
				for (SpanData span : this.finished) {
					if (condition.test(span)) {
						return span;
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError(
							"No " + description + " ended within " + this.timeout + "; spans:\n" + tree());
				}
				try {
					this.finished.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("Interrupted waiting for " + description, ex);
				}
			}
		}
	}

	/**
	 * Asserts that a span is a direct child of another, in the same trace.
	 * @param child the child span
	 * @param parent the expected parent span
	 */
	public void assertChildOf(SpanData child, SpanData parent) {
		if (!child.getTraceId().equals(parent.getTraceId()) || !child.getParentSpanId().equals(parent.getSpanId())) {
			throw new AssertionError(
					"'" + child.getName() + "' is not a child of '" + parent.getName() + "'; spans:\n" + tree());
		}
	}

	/**
	 * Asserts that a span descends from another, in the same trace, through any number of
	 * finished spans in between.
	 * @param descendant the descendant span
	 * @param ancestor the expected ancestor span
	 */
	public void assertDescendantOf(SpanData descendant, SpanData ancestor) {
		Map<String, SpanData> byId = finished().stream()
			.collect(Collectors.toMap(SpanData::getSpanId, (span) -> span, (a, b) -> a));
		SpanData current = descendant;
		while (current != null && descendant.getTraceId().equals(ancestor.getTraceId())) {
			if (current.getParentSpanId().equals(ancestor.getSpanId())) {
				return;
			}
			current = byId.get(current.getParentSpanId());
		}
		throw new AssertionError(
				"'" + descendant.getName() + "' does not descend from '" + ancestor.getName() + "'; spans:\n" + tree());
	}

	/**
	 * The finished spans as indented trees, one per trace, for failure messages.
	 * @return the text
	 */
	public String tree() {
		List<SpanData> spans = finished();
		StringBuilder text = new StringBuilder();
		for (SpanData span : spans) {
			boolean root = spans.stream().noneMatch((other) -> other.getSpanId().equals(span.getParentSpanId()));
			if (root) {
				appendTree(text, span, spans, 0);
			}
		}
		return text.toString();
	}

	private void appendTree(StringBuilder text, SpanData span, List<SpanData> spans, int depth) {
		text.append("  ".repeat(depth))
			.append(span.getName())
			.append(" [trace ")
			.append(span.getTraceId(), 0, 8)
			.append(", ")
			.append(span.getAttributes().asMap().size())
			.append(" tags]")
			.append(depth == 0 && span.getParentSpanContext().isValid() ? " (parent not finished)" : "")
			.append('\n');
		for (SpanData child : spans) {
			if (child.getParentSpanId().equals(span.getSpanId())) {
				appendTree(text, child, spans, depth + 1);
			}
		}
	}

	@Override
	public void close() {
		this.provider.close();
	}

	private final class Recorder implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			synchronized (RecordedSpans.this.finished) {
				RecordedSpans.this.finished.add(span.toSpanData());
				RecordedSpans.this.finished.notifyAll();
			}
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
