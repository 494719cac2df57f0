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

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.benchmarks.observation.ObservationOverhead;

/**
 * {@link ObservationOverhead} of ACP's {@code POST /acp/threads/{id}/messages} on the
 * in-memory store (the REST operation, its gates, the append and the broadcast), spread
 * over {@value AcpMessageThroughput#THREADS} threads, as {@link AcpMessageThroughput}
 * measures it on PostgreSQL.
 */
public final class AcpObservationOverhead {

	private static final int REQUESTS = 5_000;

	private static final int CONCURRENCY = 16;

	private AcpObservationOverhead() {
	}

	/**
	 * The message POST.
	 * @return the scenario
	 */
	public static ObservationOverhead postMessage() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		return new ObservationOverhead("acp-post-message-memory",
				(mode) -> AcpBenchmarkApplication.start(null, mode.property()), (application) -> {
					ThreadStore store = application.context().getBean(ThreadStore.class);
					List<String> threads = new ArrayList<>();
					for (int i = 0; i < AcpMessageThroughput.THREADS; i++) {
						threads.add(BenchThreads.create(store));
					}
					return AcpMessageThroughput.post(client, threads,
							"http://127.0.0.1:" + application.port() + "/acp/threads/%s/messages", "acp");
				}, REQUESTS, CONCURRENCY);
	}

}
