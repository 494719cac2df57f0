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

package io.github.agentprotocols.appcontrol.service;

import java.util.List;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed command's events in wire order: numbered on from the last event sent, and
 * ending with exactly one observation event whatever the client did.
 */
class StreamEventOrderTests {

	private final ToolCommand command = new ToolCommand("cmd_1", "macos.computer_use", "open_app");

	private final ToolObservation ok = ToolObservation.ok("cmd_1", "macos.computer_use", "open_app", "done", null);

	private List<ToolEvent> ordered(Flux<ToolEvent> events) {
		return StreamEventOrder.of(events, this.command, (ex) -> CommandRunner.failure(this.command, ex),
				() -> ToolObservation.failure("cmd_1", "macos.computer_use", "open_app", ToolStatus.TIMEOUT,
						new ToolError("timeout", "timed out")))
			.collectList()
			.block();
	}

	private ToolEvent progress(long seq) {
		return new ToolEvent("cmd_1", seq, ToolEventType.PROGRESS, "open_app", null, "working", null);
	}

	@Test
	void clientThatEndsWithAnObservationIsLeftAsItIs() {
		List<ToolEvent> events = List.of(ToolEvents.started(this.command), progress(1),
				ToolEvents.observation(2, this.ok));
		assertThat(ordered(Flux.fromIterable(events))).isEqualTo(events);
	}

	@Test
	void failureAfterSomeEventsIsTheNextEvent() {
		List<ToolEvent> events = ordered(Flux.just(ToolEvents.started(this.command), progress(4))
			.concatWith(Flux.error(new IllegalStateException("backend crashed"))));
		assertThat(events).extracting(ToolEvent::seq).containsExactly(0L, 4L, 5L);
		assertThat(events.get(2).type()).isEqualTo(ToolEventType.OBSERVATION);
		assertThat(events.get(2).status()).isEqualTo(ToolStatus.FAILED);
	}

	@Test
	void failureBeforeAnyEventStartsTheStreamFirst() {
		List<ToolEvent> events = ordered(Flux.error(new IllegalStateException("backend crashed")));
		assertThat(events).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.OBSERVATION);
		assertThat(events).extracting(ToolEvent::seq).containsExactly(0L, 1L);
	}

	@Test
	void streamThatEndsWithoutAnObservationGetsTheUnfinishedOne() {
		List<ToolEvent> events = ordered(Flux.just(ToolEvents.started(this.command), progress(1)));
		assertThat(events).extracting(ToolEvent::seq).containsExactly(0L, 1L, 2L);
		assertThat(events.get(2).status()).isEqualTo(ToolStatus.TIMEOUT);
	}

}
