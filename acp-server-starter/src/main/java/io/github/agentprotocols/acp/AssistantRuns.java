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

import java.util.Collection;

import reactor.core.publisher.Mono;

/**
 * Starts and cancels assistant runs (spec §6); REST and Socket.IO call it after their
 * gates.
 */
public interface AssistantRuns {

	/**
	 * Whether a handler is registered under this assistant id (§4.10: else 404
	 * {@code "assistant not registered: <id>"}).
	 * @param assistantId the assistant id
	 * @return whether a handler is registered under it
	 */
	boolean isRegistered(String assistantId);

	/**
	 * §6.1: store.invoke, then emit run:updated (pending) for created runs and hand them
	 * to the executor.
	 * @param threadId the thread the runs belong to
	 * @param request the invocation request
	 * @return the invocation: the runs created, or those of an earlier request with the
	 * same idempotency key
	 */
	Mono<Invocation> invoke(String threadId, InvocationRequest request);

	/**
	 * §6.6: request cancellation of the run; a no-op on a terminal run.
	 * @param run the run to cancel
	 * @return completes once the cancellation is requested
	 */
	Mono<Void> cancel(Run run);

	/**
	 * Runs aborted by a thread deletion (ThreadDeletion.abortedRuns): stop them silently.
	 * @param runs the aborted runs
	 */
	void abandon(Collection<Run> runs);

}
