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

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunTransition;
import io.github.agentprotocols.acp.ThreadStore;
import reactor.core.publisher.Mono;

/**
 * Run transitions through the broadcast funnel (spec §6.2): the {@code run.*} event, then
 * {@code run:updated}.
 */
final class RunTransitions {

	private RunTransitions() {
	}

	/**
	 * What a transition broadcasts: its event, then the run in its new status.
	 * @param transition the committed transition
	 * @return the notifications
	 */
	static List<AcpBroadcast> broadcasts(RunTransition transition) {
		return List.of(new AcpBroadcast.EventAppended(transition.event()),
				new AcpBroadcast.RunUpdated(transition.run()));
	}

	/**
	 * Ends a run with a terminal outcome; a no-op when another end came first.
	 * @param store the store
	 * @param broadcaster the funnel
	 * @param run the run
	 * @param outcome the outcome, not silent
	 * @return completes when the transition was broadcast, or found illegal
	 */
	static Mono<Void> finish(ThreadStore store, AcpBroadcaster broadcaster, Run run, RunOutcome outcome) {
		return broadcaster
			.publish(run.threadId(), store.finishRun(run.id(), outcome.status(), outcome.error()),
					RunTransitions::broadcasts)
			.then();
	}

}
