package io.github.agentprotocols.acp;

import java.util.List;

/**
 * A deleted thread (spec §4.5): its events, members, runs and idempotency records are
 * gone with it, and no event was written.
 *
 * @param thread the thread as it was
 * @param abortedRuns the runs that were active, for the executor to abort silently (spec
 * §8 E1)
 */
public record ThreadDeletion(AcpThread thread, List<Run> abortedRuns) {

	public ThreadDeletion {
		abortedRuns = List.copyOf(abortedRuns);
	}

}
