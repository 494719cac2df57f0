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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.SharedBaseline;
import io.github.agentprotocols.benchmarks.observation.ObservationModeConfiguration.DroppingExporter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ObservationMode}: each mode gives the registries it promises, and an
 * application started without one has none.
 */
class ObservationModeTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void withoutAModeThereIsNoRegistry() {
		Running application = SharedBaseline.get();
		assertThat(application.context().getBeanNamesForType(ObservationRegistry.class)).isEmpty();
		assertThat(application.context().getBeanNamesForType(MeterRegistry.class)).isEmpty();
	}

	@Test
	void noopReplacesTheObservationRegistryAndKeepsMeters() throws Exception {
		try (Running application = start(ObservationMode.NOOP)) {
			assertThat(application.context().getBean(ObservationRegistry.class)).isSameAs(ObservationRegistry.NOOP);
			assertThat(application.context().getBeanNamesForType(MeterRegistry.class)).isNotEmpty();
			get(application);
			assertThat(application.context().getBean(MeterRegistry.class).find("http.server.requests").timer())
				.isNull();
		}
	}

	@Test
	void metricsTimesRequestsThroughObservations() throws Exception {
		try (Running application = start(ObservationMode.METRICS)) {
			get(application);
			MeterRegistry meters = application.context().getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(meters.find("http.server.requests").timer()).isNotNull());
			assertThat(application.context().getBeanNamesForType(DroppingExporter.class)).isEmpty();
		}
	}

	@Test
	void tracingExportsASpanPerRequest() throws Exception {
		try (Running application = start(ObservationMode.TRACING)) {
			get(application);
			DroppingExporter exporter = application.context().getBean(DroppingExporter.class);
			// the batch goes out on the processor's schedule (5 s) or when flushed: flush
			// once the request's span has ended rather than wait out the schedule
			SdkTracerProvider provider = application.context().getBean(SdkTracerProvider.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				provider.forceFlush().join(10, TimeUnit.SECONDS);
				return exporter.exported() > 0;
			});
		}
	}

	private Running start(ObservationMode mode) {
		return BaselineApplication.start(mode.property());
	}

	private void get(Running application) throws Exception {
		HttpResponse<String> response = this.client.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + application.port() + BaselineApplication.JSON_PATH))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

}
