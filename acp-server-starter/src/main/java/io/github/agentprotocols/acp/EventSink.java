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

package io.github.agentprotocols.acp;

import reactor.core.publisher.Mono;

/**
 * The callback form of a handler's output (spec §6.3): a handler built with
 * {@link AssistantHandler#sink} emits its events here, one at a time.
 */
@FunctionalInterface
public interface EventSink {

	/**
	 * Emits an event of the run. Emit the next event only once the returned {@code Mono}
	 * has completed.
	 * @param event an event built by {@link HandlerSend}
	 * @return completes once the event was persisted and broadcast; fails with a
	 * {@link java.util.concurrent.CancellationException} once the run has ended
	 * (cancelled, timed out or failed), and the event is then discarded
	 */
	Mono<Void> emit(Event event);

}
