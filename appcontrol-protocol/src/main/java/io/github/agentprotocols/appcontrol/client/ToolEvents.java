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

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Building, observing and reading command event streams.
 */
public final class ToolEvents {

	private static final Logger logger = LoggerFactory.getLogger(ToolEvents.class);

	private ToolEvents() {
	}

	/**
	 * The first event of a stream: {@code started}, seq 0, phase = the operation.
	 * @param command the command
	 * @return the event
	 */
	public static ToolEvent started(ToolCommand command) {
		return new ToolEvent(command.commandId(), 0, ToolEventType.STARTED, command.operation(), null,
				"Started helper command: " + command.operation(), null);
	}

	/**
	 * The last event of a stream: {@code observation}, mirroring the observation's status
	 * and summary and carrying its wire object in {@code data.observation}.
	 * @param seq the event's position
	 * @param observation the final observation
	 * @return the event
	 */
	public static ToolEvent observation(long seq, ToolObservation observation) {
		return new ToolEvent(observation.commandId(), seq, ToolEventType.OBSERVATION, observation.operation(),
				observation.status(), observation.summary(), Map.of("observation", observation.toMap()));
	}

	/**
	 * The observation an {@code observation} event carries in {@code data.observation}
	 * (or, from older peers, {@code data.appControlObservation}).
	 * @param event the event
	 * @return the observation, or null if the event carries none
	 */
	public static @Nullable ToolObservation observationOf(ToolEvent event) {
		Object payload = event.data().get("observation");
		if (payload == null) {
			payload = event.data().get("appControlObservation");
		}
		if (event.type() != ToolEventType.OBSERVATION || !(payload instanceof Map<?, ?> map)) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Map<String, ?> wire = (Map<String, ?>) map;
		return ToolObservation.fromMap(wire);
	}

	/**
	 * The observation of the last {@code observation} event.
	 * @param events the events of one command
	 * @return the observation
	 * @throws AppControlTransportException if no event carries an observation
	 */
	public static ToolObservation finalObservation(@Nullable List<ToolEvent> events) {
		if (events != null) {
			for (int i = events.size() - 1; i >= 0; i--) {
				ToolObservation observation = observationOf(events.get(i));
				if (observation != null) {
					return observation;
				}
			}
		}
		throw new AppControlTransportException("event stream ended without an observation event");
	}

	/**
	 * Delivers each event to {@code observer} before the stream emits it.
	 * @param events the events
	 * @param observer the observer, or null
	 * @return the observed events
	 */
	public static Flux<ToolEvent> observed(Flux<ToolEvent> events, @Nullable ToolObserver observer) {
		return (observer != null) ? events.doOnNext((event) -> deliver(observer, event)) : events;
	}

	/**
	 * Calls an observer, logging and swallowing anything it throws.
	 * @param observer the observer, or null
	 * @param event the event
	 */
	public static void deliver(@Nullable ToolObserver observer, ToolEvent event) {
		if (observer == null) {
			return;
		}
		try {
			observer.onEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("Tool observer failed on {} event {} of command {}", event.type(), event.seq(),
					event.commandId(), ex);
		}
	}

	/**
	 * The event stream of any client. A streaming client's own stream is used. For any
	 * other client the stream is synthesized on subscription: {@code started}, then the
	 * {@code progress}, {@code warning} and {@code error} events the client reports to
	 * its observer (renumbered), then the final observation. The blocking
	 * {@code runCommand} runs on the subscribing thread.
	 * @param client the client
	 * @param command the command
	 * @return the events
	 */
	public static Flux<ToolEvent> stream(AppControlClient client, ToolCommand command) {
		if (client instanceof StreamingAppControlClient streaming) {
			return streaming.runStream(command);
		}
		return Flux.create((sink) -> synthesize(client, command, sink));
	}

	private static void synthesize(AppControlClient client, ToolCommand command, FluxSink<ToolEvent> sink) {
		AtomicInteger seq = new AtomicInteger();
		sink.next(started(command));
		try {
			ToolObservation observation = client.runCommand(command, (event) -> {
				if (event.type() != ToolEventType.STARTED && event.type() != ToolEventType.OBSERVATION) {
					sink.next(new ToolEvent(command.commandId(), seq.incrementAndGet(), event.type(), event.phase(),
							event.status(), event.summary(), event.data()));
				}
			});
			sink.next(observation(seq.incrementAndGet(), observation));
			sink.complete();
		}
		catch (RuntimeException ex) {
			sink.error(ex);
		}
	}

}
