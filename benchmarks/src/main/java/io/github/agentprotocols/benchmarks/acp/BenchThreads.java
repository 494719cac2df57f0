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

package io.github.agentprotocols.benchmarks.acp;

import java.time.Duration;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadStore;

/**
 * Threads the ACP benchmarks work on, created through the store: public, with
 * {@link AcpBenchmarkApplication#USER} as creator and member.
 */
public final class BenchThreads {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private BenchThreads() {
	}

	/**
	 * Create a thread.
	 * @param store the store
	 * @return the thread's id
	 */
	public static String create(ThreadStore store) {
		return store.createThread(NewThread.withTenant(null), AcpBenchmarkApplication.USER).block(WAIT).thread().id();
	}

	/**
	 * Create a thread with the benchmark assistant among its members.
	 * @param store the store
	 * @return the thread's id
	 */
	static String withAssistant(ThreadStore store) {
		return withMember(store, assistant());
	}

	/**
	 * Create a thread with an assistant among its members.
	 * @param store the store
	 * @param assistant the assistant
	 * @return the thread's id
	 */
	static String withMember(ThreadStore store, Identity assistant) {
		String threadId = create(store);
		store.addMember(threadId, assistant, "member", AcpBenchmarkApplication.USER).block(WAIT);
		return threadId;
	}

	/**
	 * The benchmark assistant's identity.
	 * @return the identity
	 */
	static Identity assistant() {
		return Identity.assistant(AcpBenchmarkApplication.ASSISTANT, "Bench assistant");
	}

}
