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

package io.github.agentprotocols.happy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.wire.MachineRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link TaskRunner} alone (spec §8.11): the session a task spawned is stopped
 * once, whether its turn completes or not, against its collaborators.
 */
class TaskRunnerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(600);

	private final HappyRestClient rest = mock();

	private final RecordKeys keys = mock();

	private final SessionLauncher launcher = mock();

	private final Prompts prompts = mock();

	private final SessionWatcher watcher = mock();

	private final TaskRunner runner = new TaskRunner(this.rest, this.keys, this.launcher, this.prompts, this.watcher,
			mock(), HappyObservations.NOOP);

	private final MachineRecord machine = new MachineRecord("m1", "meta", 1, null, 0, null, true, 0, 0, 0);

	private final SentPrompt sent = new SentPrompt(3, 1);

	private final AtomicInteger stops = new AtomicInteger();

	@BeforeEach
	void spawnAndPromptSucceed() {
		given(this.rest.machine("m1")).willReturn(Mono.just(this.machine));
		given(this.launcher.spawn(any(), any(), any())).willReturn(Mono.just("s1"));
		given(this.prompts.send("s1", "Hello", PermissionMode.YOLO)).willReturn(Mono.just(this.sent));
		given(this.launcher.stopQuietly("s1")).willReturn(Mono.fromRunnable(this.stops::incrementAndGet));
	}

	@Test
	void completedTurnGivesTheSessionStoppedOnce() {
		given(this.watcher.awaitTurn("s1", this.sent, TIMEOUT)).willReturn(Mono.empty());
		assertThat(this.runner.run("m1", "/work", "Hello", Agent.CLAUDE, TIMEOUT, null).block()).isEqualTo("s1");
		verify(this.launcher).spawn("m1", "/work", SpawnOptions.DEFAULTS.withAgent(Agent.CLAUDE));
		assertThat(this.stops).hasValue(1);
	}

	@Test
	void turnThatTimesOutStopsTheSessionOnceAndFails() {
		given(this.watcher.awaitTurn("s1", this.sent, TIMEOUT))
			.willReturn(Mono.error(new HappyTimeoutException("no turn")));
		assertThatExceptionOfType(HappyTimeoutException.class)
			.isThrownBy(() -> this.runner.run("m1", "/work", "Hello", Agent.CLAUDE, TIMEOUT, null).block());
		assertThat(this.stops).hasValue(1);
	}

	@Test
	void credentialsThatCannotOpenTheSessionFailBeforeSpawning() {
		willThrow(new HappyEncryptionException("machine key only")).given(this.keys)
			.checkCanOpenSessionsOf(this.machine);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> this.runner.run("m1", "/work", "Hello", Agent.CLAUDE, TIMEOUT, null).block());
		verify(this.launcher, never()).spawn(any(), any(), any());
		assertThat(this.stops).hasValue(0);
	}

}
