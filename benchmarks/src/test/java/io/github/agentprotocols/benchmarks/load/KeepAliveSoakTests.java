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

package io.github.agentprotocols.benchmarks.load;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication;
import io.github.agentprotocols.benchmarks.baseline.SharedBaseline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveSoakTests {

	private final IdleGaps gaps = new IdleGaps(Duration.ofMillis(40), Duration.ofMillis(60));

	@Test
	void everyRequestOfAnAnsweringServerIsAnswered() throws Exception {
		KeepAliveSoak soak = new KeepAliveSoak(4, this.gaps, Duration.ofSeconds(30), Duration.ofMinutes(1));
		URI uri = URI.create("http://127.0.0.1:" + SharedBaseline.get().port() + BaselineApplication.JSON_PATH);
		SoakReport report = soak.run("baseline", 100, 300, (client) -> () -> HttpRequest.newBuilder(uri).build());
		assertThat(report.requests()).isEqualTo(400);
		assertThat(report.answered()).isEqualTo(400);
		assertThat(report.unanswered()).isZero();
		assertThat(report.failed()).isZero();
		assertThat(report.p50()).isPositive().isLessThanOrEqualTo(report.p99());
	}

	@Test
	void requestsOfAServerThatNeverAnswersCountAsUnanswered() throws Exception {
		KeepAliveSoak soak = new KeepAliveSoak(2, this.gaps, Duration.ofMillis(300), Duration.ofMinutes(1));
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
			SoakReport report = soak.run("silent", 2, 4, (client) -> () -> HttpRequest.newBuilder(uri).build());
			assertThat(report.requests()).isEqualTo(6);
			assertThat(report.unanswered()).isEqualTo(6);
			assertThat(report.answered()).isZero();
		}
	}

}
