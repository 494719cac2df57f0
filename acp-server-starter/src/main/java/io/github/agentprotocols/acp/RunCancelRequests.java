package io.github.agentprotocols.acp;

import reactor.core.publisher.Flux;

/**
 * A capability of a {@link ThreadStore} shared by several application instances: it tells
 * of cancellation requests as they are recorded by any instance (spec §6.6; in PostgreSQL
 * the {@code NOTIFY} of {@link ThreadStore#requestCancel}), so the instance executing the
 * run cancels it at once instead of at its next poll.
 */
public interface RunCancelRequests {

	/**
	 * The ids of runs whose cancellation is requested from now on, by any instance.
	 * @return an endless stream, cold: each subscription listens anew
	 */
	Flux<String> runCancelRequests();

}
