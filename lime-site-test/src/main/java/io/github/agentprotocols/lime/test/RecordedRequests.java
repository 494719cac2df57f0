package io.github.agentprotocols.lime.test;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests the {@link FakeLimeApi} received, per {@link Endpoint}, so tests can
 * assert call counts, headers and bodies. Every request is recorded, including those
 * answered with an error or an injected fault.
 */
public final class RecordedRequests {

	private final List<RecordedRequest> requests = new ArrayList<>();

	RecordedRequests() {
	}

	synchronized void add(RecordedRequest request) {
		this.requests.add(request);
	}

	/**
	 * How many requests reached the endpoint.
	 * @param endpoint the endpoint
	 * @return the count since start or the last {@link #clear()}
	 */
	public synchronized int count(Endpoint endpoint) {
		return (int) this.requests.stream().filter((request) -> request.endpoint() == endpoint).count();
	}

	/**
	 * The requests that reached the endpoint, oldest first.
	 * @param endpoint the endpoint
	 * @return a snapshot
	 */
	public synchronized List<RecordedRequest> of(Endpoint endpoint) {
		return this.requests.stream().filter((request) -> request.endpoint() == endpoint).toList();
	}

	/**
	 * Every request received, oldest first.
	 * @return a snapshot
	 */
	public synchronized List<RecordedRequest> all() {
		return List.copyOf(this.requests);
	}

	/**
	 * Forget the requests received so far.
	 */
	public synchronized void clear() {
		this.requests.clear();
	}

}
