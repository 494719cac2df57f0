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

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * What a running {@link AssistantHandler} knows and may ask (spec §6.4, {@code ctx}).
 * Reads go to the store when called; nothing here writes to the log except through
 * {@link #invoke chaining}, which creates a run.
 */
public interface HandlerContext {

	/**
	 * The thread, as it was when the run started; not refreshed.
	 * @return the thread snapshot
	 */
	AcpThread thread();

	/**
	 * The run, as it was when it started.
	 * @return the run snapshot, status {@code running}
	 */
	Run run();

	/**
	 * The assistant this handler runs as: the author of the run's events.
	 * @return the run's assistant identity
	 */
	Identity assistant();

	/**
	 * The thread's whole history at call time, this run's published events included.
	 * @return the events, oldest first
	 */
	Mono<List<Event>> events();

	/**
	 * The most recent events of the thread at call time.
	 * @param limit how many, at least 1
	 * @return the newest {@code limit} events, oldest first
	 */
	Mono<List<Event>> events(int limit);

	/**
	 * The thread's current members.
	 * @return the members in the order they were added
	 */
	Mono<List<ThreadMember>> members();

	/**
	 * The run's analytics tracker ({@code ctx.analytics}).
	 * @return the tracker
	 */
	AnalyticsTracker analytics();

	/**
	 * Invokes another assistant on this thread (spec §6.7), without waiting for its run.
	 * The new run is triggered by this run's assistant, one level deeper in the chain. An
	 * assistant with an active run on the thread is not invoked again: its active run is
	 * returned, so invoking oneself returns this run.
	 * @param assistantId the assistant to invoke: registered, and an assistant member of
	 * the thread
	 * @return the run, usually {@code pending}; an error
	 * {@code chain depth exceeded: <max>} when the new run would be deeper than
	 * {@code acp.max-chain-depth}, {@code assistant not registered: <id>} or
	 * {@code assistant not a member of this thread: <id>}, and then no run is created
	 */
	Mono<Run> invoke(String assistantId);

}
