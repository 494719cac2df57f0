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

package io.github.agentprotocols.hpp;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RequestWindowTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456789Z");

	@Test
	void acceptsUpToTheLimitWithinTheWindowThenRejectsWithoutRecording() {
		RequestWindow window = new RequestWindow();
		for (int i = 0; i < 60; i++) {
			assertThat(window.tryAcquire(T0.plusMillis(i), 60)).isTrue();
		}
		assertThat(window.tryAcquire(T0.plusSeconds(59), 60)).isFalse();
		assertThat(window.accepted()).hasSize(60);
		assertThat(window.retryAfterSeconds(T0.plusSeconds(59))).isEqualTo(1);
	}

	@Test
	void requestsLeaveTheWindowAfterSixtySecondsExactly() {
		RequestWindow window = new RequestWindow();
		window.tryAcquire(T0, 1);
		assertThat(window.tryAcquire(T0.plusSeconds(60), 1)).as("exactly 60 s later is still inside").isFalse();
		assertThat(window.tryAcquire(T0.plusSeconds(60).plusNanos(1), 1)).isTrue();
	}

	@Test
	void ringWrapsAndGrowsKeepingOrderAndNanoseconds() {
		RequestWindow window = new RequestWindow();
		for (int i = 0; i < 6; i++) {
			window.tryAcquire(T0.plusSeconds(i), 100);
		}
		window.isFull(T0.plusSeconds(64).plusNanos(1), 100);
		for (int i = 6; i < 40; i++) {
			window.tryAcquire(T0.plusSeconds(64).plusMillis(i), 100);
		}
		List<Instant> accepted = List.copyOf(window.accepted());
		assertThat(accepted).hasSize(35).isSorted();
		assertThat(accepted.get(0)).isEqualTo(T0.plusSeconds(5));
		RequestWindow copy = window.copy();
		window.tryAcquire(T0.plusSeconds(65), 100);
		assertThat(copy.accepted()).containsExactlyElementsOf(accepted);
	}

	@Test
	void summaryCountsItsRequestsWithTheOnesAcceptedSince() {
		RequestWindow window = RequestWindow.ofSummary(59, T0);
		assertThat(window.tryAcquire(T0.plusSeconds(30), 60)).isTrue();
		assertThat(window.tryAcquire(T0.plusSeconds(30), 60)).isFalse();
		assertThat(window.size(T0.plusSeconds(30))).isEqualTo(60);
		assertThat(window.retryAfterSeconds(T0.plusSeconds(30))).isEqualTo(30);
		assertThat(window.listed()).containsExactly(T0.plusSeconds(30));
		RequestWindow copy = window.copy();
		assertThat(copy.isFull(T0.plusSeconds(31), 60)).isTrue();
		assertThat(copy.retryAfterSeconds(T0.plusSeconds(31))).isEqualTo(29);
	}

	@Test
	void summaryDoesNotPretendToListItsRequests() {
		RequestWindow window = RequestWindow.ofSummary(1, T0);
		assertThatIllegalStateException().isThrownBy(window::accepted);
	}

	@Test
	void summaryOfNoRequestsIsAnEmptyWindow() {
		RequestWindow window = RequestWindow.ofSummary(0, null);
		assertThat(window.retryAfterSeconds(T0)).isEqualTo(1);
		window.tryAcquire(T0, 1);
		assertThat(window.accepted()).containsExactly(T0);
		assertThat(window.tryAcquire(T0.plusSeconds(60).plusNanos(1), 1)).isTrue();
		assertThat(window.accepted()).containsExactly(T0.plusSeconds(60).plusNanos(1));
	}

	@Test
	void restoresFromASerializedLog() {
		ArrayDeque<Instant> log = new ArrayDeque<>(List.of(T0, T0.plusNanos(1), T0.plusSeconds(1)));
		assertThat(new RequestWindow(log).accepted()).containsExactlyElementsOf(log);
	}

}
