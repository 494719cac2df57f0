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

package io.github.agentprotocols.acp.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link BroadcastRecorder} on its own and behind the starter's funnel.
 */
class BroadcastRecorderTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final BroadcastRecorder recorder = new BroadcastRecorder();

	@Test
	void awaitRunEndedSkipsActiveStatusesAndReturnsTheTerminalOne() {
		CompletableFuture<Void> delivery = CompletableFuture.runAsync(() -> {
			this.recorder.onBroadcast(new AcpBroadcast.RunUpdated(run("r1", RunStatus.RUNNING)));
			this.recorder.onBroadcast(new AcpBroadcast.RunUpdated(run("r2", RunStatus.COMPLETED)));
			this.recorder.onBroadcast(new AcpBroadcast.RunUpdated(run("r1", RunStatus.CANCELLED)));
		});
		Run ended = this.recorder.awaitRunEnded("r1", WAIT);
		assertThat(ended.id()).isEqualTo("r1");
		assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
		delivery.join();
	}

	@Test
	void awaitFailsNamingWhatWasReceivedWhenNothingMatches() {
		this.recorder.onBroadcast(new AcpBroadcast.RunUpdated(run("r1", RunStatus.RUNNING)));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitRunEnded("r1", Duration.ofMillis(50)))
			.withMessageContaining("the end of run r1")
			.withMessageContaining("RunUpdated");
	}

	@Test
	void clearForgetsWhatWasReceived() {
		this.recorder.onBroadcast(new AcpBroadcast.RunUpdated(run("r1", RunStatus.RUNNING)));
		this.recorder.clear();
		assertThat(this.recorder.broadcasts()).isEmpty();
	}

	@Test
	void recordsTheFunnelsEventsOfARunInLogOrder() {
		try (AssistantTester tester = AssistantTester.of("helper",
				(ctx, send) -> Flux.just(send.reasoning("a"), send.reasoning("b")))) {
			RunResult result = tester.invoke("helper", null);
			List<Event> broadcast = tester.broadcasts().events(tester.thread().id());
			assertThat(broadcast).containsSubsequence(result.events());
			Event second = tester.broadcasts()
				.awaitEvent((event) -> event.type().wireName().equals("reasoning")
						&& event.id().equals(result.events().get(2).id()), WAIT);
			assertThat(second).isEqualTo(result.events().get(2));
		}
	}

	private static Run run(String id, RunStatus status) {
		return new Run(id, "t1", Identity.assistant("helper", "Helper"), Identity.user("user", "User"), status,
				Instant.EPOCH, status.isTerminal() ? Instant.EPOCH : null, null, null, Map.of(), 0, null);
	}

}
