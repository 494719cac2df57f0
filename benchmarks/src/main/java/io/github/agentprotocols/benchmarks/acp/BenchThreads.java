package io.github.agentprotocols.benchmarks.acp;

import java.time.Duration;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadStore;

/**
 * Threads the ACP benchmarks work on, created through the store: public, with
 * {@link AcpBenchmarkApplication#USER} as creator and member.
 */
final class BenchThreads {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private BenchThreads() {
	}

	/**
	 * Create a thread.
	 * @param store the store
	 * @return the thread's id
	 */
	static String create(ThreadStore store) {
		return store.createThread(NewThread.withTenant(null), AcpBenchmarkApplication.USER).block(WAIT).thread().id();
	}

	/**
	 * Create a thread with the benchmark assistant among its members.
	 * @param store the store
	 * @return the thread's id
	 */
	static String withAssistant(ThreadStore store) {
		String threadId = create(store);
		store.addMember(threadId, assistant(), "member", AcpBenchmarkApplication.USER).block(WAIT);
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
