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

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolObservation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * An {@link AppControlClient} that also exposes a command's events as they happen. The
 * stream starts with a {@code started} event (seq 0), numbers events consecutively and
 * ends with exactly one {@code observation} event carrying the final observation in
 * {@code data.observation}. Use {@code runStream(command).toStream()} for a blocking
 * {@link java.util.stream.Stream}; closing it cancels the command's transport.
 * <p>
 * Implementations provide {@link #runStream(ToolCommand)}; observers and
 * {@link #runCommand(ToolCommand, ToolObserver)} are layered on top of it.
 */
public interface StreamingAppControlClient extends AppControlClient {

	/**
	 * The command's events, lazily: nothing runs until subscription.
	 * @param command the command
	 * @return the events
	 */
	Flux<ToolEvent> runStream(ToolCommand command);

	/**
	 * The command's events, each delivered to {@code observer} before the stream emits
	 * it.
	 * @param command the command
	 * @param observer the observer, or null
	 * @return the events
	 */
	default Flux<ToolEvent> runStream(ToolCommand command, @Nullable ToolObserver observer) {
		return ToolEvents.observed(runStream(command), observer);
	}

	/**
	 * Runs the stream to its end and returns the observation of its final event.
	 */
	@Override
	default ToolObservation runCommand(ToolCommand command, @Nullable ToolObserver observer) {
		return ToolEvents.finalObservation(runStream(command, observer).collectList().block());
	}

}
