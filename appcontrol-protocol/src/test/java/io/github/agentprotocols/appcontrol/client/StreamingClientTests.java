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

package io.github.agentprotocols.appcontrol.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.HelperResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conformance checklist items 33 and 34, and the helper extraction rule.
 */
class StreamingClientTests {

	private final ToolCommand command = new ToolCommand("cmd_1", "macos.computer_use", "open_app",
			Map.of("app", "TextEdit"), 1000);

	private final List<HelperRequest> sent = new CopyOnWriteArrayList<>();

	/** A fake helper: opens the requested app and answers helper.response.v1. */
	private final HelperTransport fakeHelper = (request) -> {
		this.sent.add(request);
		ToolCommand received = request.command();
		return HelperResponse.ok(ToolObservation.ok(received.commandId(), received.tool(), received.operation(),
				"Opened " + received.input().get("app") + ".", received.input()))
			.toMap();
	};

	private HelperAppControlClient client(HelperTransport transport) {
		return new HelperAppControlClient(transport, "local-token", null, ProtocolSchemas.shared());
	}

	@Test
	@SpecItem("AC-10.33")
	void streamStartsWithStartedAndEndsWithTheObservation() {
		HelperAppControlClient client = client(this.fakeHelper);
		ToolObservation observation = client.runCommand(this.command);
		List<ToolEvent> events = client.runStream(this.command).collectList().block();
		assertThat(events).hasSize(2);
		assertThat(events.get(0).type()).isEqualTo(ToolEventType.STARTED);
		assertThat(events.get(0).seq()).isZero();
		assertThat(events.get(0).phase()).isEqualTo("open_app");
		assertThat(events.get(1).type()).isEqualTo(ToolEventType.OBSERVATION);
		assertThat(events.get(1).seq()).isEqualTo(1);
		assertThat(events.get(1).status()).isEqualTo(ToolStatus.OK);
		assertThat(events.get(1).summary()).isEqualTo("Opened TextEdit.");
		assertThat(events.get(1).data().get("observation")).isEqualTo(observation.toMap());
		assertThat(events).allSatisfy((event) -> assertThat(event.commandId()).isEqualTo("cmd_1"));
		assertThat(ToolEvents.finalObservation(events)).isEqualTo(observation);
		assertThat(this.sent.get(0).token()).isEqualTo("local-token");
		assertThat(this.sent.get(0).metadata()).containsEntry("apiVersion", "app_control.helper.v1");
	}

	@Test
	@SpecItem("AC-10.33")
	void observersSeeTheSameSequenceFromEitherMethod() {
		HelperAppControlClient client = client(this.fakeHelper);
		List<ToolEvent> fromCommand = new ArrayList<>();
		List<ToolEvent> fromStream = new ArrayList<>();
		ToolObservation observation = client.runCommand(this.command, fromCommand::add);
		List<ToolEvent> streamed = client.runStream(this.command, fromStream::add).collectList().block();
		assertThat(fromCommand).isEqualTo(fromStream).isEqualTo(streamed);
		assertThat(ToolEvents.finalObservation(fromCommand)).isEqualTo(observation);
	}

	@Test
	@SpecItem("AC-10.33")
	void observerSeesEachEventBeforeTheStreamEmitsIt() {
		List<String> order = new ArrayList<>();
		client(this.fakeHelper).runStream(this.command, (event) -> order.add("observer " + event.seq()))
			.doOnNext((event) -> order.add("stream " + event.seq()))
			.blockLast();
		assertThat(order).containsExactly("observer 0", "stream 0", "observer 1", "stream 1");
	}

	@Test
	@SpecItem("AC-10.34")
	void throwingObserverDoesNotChangeTheResult() {
		HelperAppControlClient client = client(this.fakeHelper);
		ToolObservation expected = client.runCommand(this.command);
		ToolObservation actual = client.runCommand(this.command, (event) -> {
			throw new IllegalStateException("observer bug");
		});
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void blockingStreamCanBeClosed() {
		try (Stream<ToolEvent> events = client(this.fakeHelper).runStream(this.command).toStream()) {
			assertThat(events.map(ToolEvent::type)).containsExactly(ToolEventType.STARTED, ToolEventType.OBSERVATION);
		}
	}

	@Test
	void helperErrorWithoutObservationIsATransportFailure() {
		HelperAppControlClient client = client(
				(request) -> HelperResponse.failed(new ToolError("not_ready", "Helper is not running.", true)).toMap());
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(() -> client.runCommand(this.command))
			.withMessage("helper returned an error: Helper is not running.")
			.satisfies((ex) -> assertThat(ex.getError().failureKind()).isEqualTo("not_ready"));
	}

	@Test
	void helperToolFailureIsAnObservation() {
		ToolObservation failure = ToolObservation.failure("cmd_1", "macos.computer_use", "open_app",
				ToolStatus.PERMISSION_MISSING, new ToolError("permission_missing", "Accessibility is not granted."));
		ToolObservation result = client((request) -> HelperResponse.toolFailure(failure).toMap())
			.runCommand(this.command);
		assertThat(result).isEqualTo(failure);
	}

	@Test
	void legacyHelperRepliesAreAccepted() {
		ToolObservation observation = ToolObservation.ok("cmd_1", "macos.computer_use", "open_app", "Opened.", null);
		assertThat(client((request) -> Map.of("observation", observation.toMap())).runCommand(this.command))
			.isEqualTo(observation);
		assertThat(client((request) -> observation.toMap()).runCommand(this.command)).isEqualTo(observation);
	}

	@Test
	void invalidHelperReplyIsATransportFailure() {
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client((request) -> Map.of("schema", "app_control.helper.response.v1", "success", true))
				.runCommand(this.command));
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client((request) -> Map.of("nothing", "useful")).runCommand(this.command));
	}

	@Test
	void plainClientsGetASynthesizedStream() {
		AppControlClient plain = (command, observer) -> {
			ToolEvents.deliver(observer,
					new ToolEvent(command.commandId(), 7, ToolEventType.PROGRESS, "launch", null, "Launching.", null));
			return ToolObservation.ok(command.commandId(), command.tool(), command.operation(), "Opened.", null);
		};
		List<ToolEvent> events = ToolEvents.stream(plain, this.command).collectList().block();
		assertThat(events).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.PROGRESS, ToolEventType.OBSERVATION);
		assertThat(events).extracting(ToolEvent::seq).containsExactly(0L, 1L, 2L);
		assertThat(ToolEvents.finalObservation(events).summary()).isEqualTo("Opened.");
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> ToolEvents.finalObservation(events.subList(0, 2)));
	}

}
