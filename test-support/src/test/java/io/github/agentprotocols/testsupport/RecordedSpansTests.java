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
import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecordedSpans}.
 */
class RecordedSpansTests {

	private final RecordedSpans spans = RecordedSpans.start();

	@AfterEach
	void close() {
		this.spans.close();
	}

	@Test
	void nestedObservationsBecomeParentAndChildSpans() {
		Observation parent = Observation.start("parent", this.spans.observationRegistry());
		Observation.createNotStarted("child", this.spans.observationRegistry())
			.parentObservation(parent)
			.observe(() -> {
			});
		parent.stop();
		SpanData child = this.spans.awaitSpan("child");
		SpanData root = this.spans.awaitSpan("parent");
		this.spans.assertChildOf(child, root);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.spans.assertChildOf(root, child));
	}

	@Test
	void aSenderCarrierTakesTraceparentAndAReceiverReadingItJoinsTheTrace() {
		Map<String, String> carrier = new HashMap<>();
		SenderContext<Map<String, String>> sending = new SenderContext<>(Map::put);
		sending.setCarrier(carrier);
		Observation.createNotStarted("publish", () -> sending, this.spans.observationRegistry()).observe(() -> {
		});
		assertThat(carrier.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
		ReceiverContext<Map<String, String>> receiving = new ReceiverContext<>(Map::get);
		receiving.setCarrier(Map.copyOf(carrier));
		Observation.createNotStarted("deliver", () -> receiving, this.spans.observationRegistry()).observe(() -> {
		});
		SpanData published = this.spans.awaitSpan("publish");
		SpanData delivered = this.spans.awaitSpan("deliver");
		assertThat(delivered.getTraceId()).isEqualTo(published.getTraceId());
		this.spans.assertChildOf(delivered, published);
	}

	@Test
	void descendantsAreFoundThroughSpansInBetween() {
		Observation root = Observation.start("root", this.spans.observationRegistry());
		Observation middle = Observation.createNotStarted("middle", this.spans.observationRegistry())
			.parentObservation(root)
			.start();
		Observation.createNotStarted("leaf", this.spans.observationRegistry()).parentObservation(middle).observe(() -> {
		});
		middle.stop();
		root.stop();
		Observation.start("other", this.spans.observationRegistry()).stop();
		SpanData leaf = this.spans.awaitSpan("leaf");
		this.spans.assertDescendantOf(leaf, this.spans.awaitSpan("root"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.spans.assertDescendantOf(leaf, this.spans.awaitSpan("other")))
			.withMessageContaining("root")
			.withMessageContaining("  middle")
			.withMessageContaining("    leaf");
	}

	@Test
	void awaitingASpanThatNeverEndsFailsListingTheSpansSeen() {
		try (RecordedSpans impatient = RecordedSpans.start(Duration.ofMillis(200))) {
			Observation.start("seen", impatient.observationRegistry()).stop();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> impatient.awaitSpan("a span that never starts", (span) -> false))
				.withMessageContaining("seen");
		}
	}

}
