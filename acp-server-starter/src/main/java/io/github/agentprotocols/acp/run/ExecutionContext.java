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

package io.github.agentprotocols.acp.run;

import java.util.List;
import java.util.function.Function;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AnalyticsTracker;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.Replay;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadStore;
import reactor.core.publisher.Mono;

/**
 * The {@link HandlerContext} of one running run.
 */
final class ExecutionContext implements HandlerContext {

	private final AcpThread thread;

	private final Run run;

	private final ThreadStore store;

	private final AnalyticsTracker analytics;

	private final Function<String, Mono<Run>> chaining;

	ExecutionContext(AcpThread thread, Run run, ThreadStore store, AnalyticsTracker analytics,
			Function<String, Mono<Run>> chaining) {
		this.thread = thread;
		this.run = run;
		this.store = store;
		this.analytics = analytics;
		this.chaining = chaining;
	}

	@Override
	public AcpThread thread() {
		return this.thread;
	}

	@Override
	public Run run() {
		return this.run;
	}

	@Override
	public Identity assistant() {
		return this.run.assistant();
	}

	@Override
	public Mono<List<Event>> events() {
		return this.store.replay(this.thread.id(), null, Integer.MAX_VALUE).map(Replay::events);
	}

	@Override
	public Mono<List<Event>> events(int limit) {
		if (limit < 1) {
			return Mono.error(new IllegalArgumentException("limit must be at least 1"));
		}
		return this.store.replay(this.thread.id(), null, limit).map(Replay::events);
	}

	@Override
	public Mono<List<ThreadMember>> members() {
		return this.store.listMembers(this.thread.id()).collectList();
	}

	@Override
	public AnalyticsTracker analytics() {
		return this.analytics;
	}

	@Override
	public Mono<Run> invoke(String assistantId) {
		return this.chaining.apply(assistantId);
	}

}
