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
