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

package io.github.agentprotocols.samples.showcase;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TraceIdLog}: a demo request's trace id is answered and logged, and it
 * is the trace the starter's observation joined.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class TraceIdLogTests {

	@Autowired
	WebTestClient client;

	@Autowired
	RecordingExporter exporter;

	@Test
	void demoRequestAnswersAndLogsTheTraceItsObservationsJoined(CapturedOutput output) {
		String traceId = this.client.post()
			.uri("/handshake/session")
			.bodyValue("{\"mode\":\"form-fill\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(TraceIdLog.HEADER);
		assertThat(traceId).matches("[0-9a-f]{32}");
		await().untilAsserted(
				() -> assertThat(output.getOut()).contains("POST /handshake/session -> 200 OK, trace " + traceId));
		await().untilAsserted(() -> assertThat(this.exporter.spans)
			.anySatisfy((span) -> assertThat(span.getName()).isEqualTo("hpp session create"))
			.filteredOn((span) -> span.getName().equals("hpp session create"))
			.allSatisfy((span) -> assertThat(span.getTraceId()).isEqualTo(traceId)));
	}

	@Test
	void pagesAndTheActuatorAreNotLogged() {
		this.client.get().uri("/actuator/health").exchange().expectHeader().doesNotExist(TraceIdLog.HEADER);
		this.client.get().uri("/index.html").exchange().expectHeader().doesNotExist(TraceIdLog.HEADER);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Spans {

		@Bean
		RecordingExporter recordingExporter() {
			return new RecordingExporter();
		}

	}

	static class RecordingExporter implements SpanExporter {

		final List<SpanData> spans = new CopyOnWriteArrayList<>();

		@Override
		public CompletableResultCode export(Collection<SpanData> batch) {
			this.spans.addAll(batch);
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
