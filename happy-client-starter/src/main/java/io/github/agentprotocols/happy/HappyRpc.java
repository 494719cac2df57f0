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

package io.github.agentprotocols.happy;

import java.time.Duration;

import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.observation.RpcObservationContext;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.happy.wire.RpcAck;
import io.github.agentprotocols.happy.wire.RpcCall;
import reactor.core.publisher.Mono;

/**
 * Calls a method registered by a daemon or an agent process (spec §6.1): emits
 * {@code rpc-call} with the parameters encrypted by the record key of the method's scope
 * and decrypts the result with the same key. The client-side acknowledgement timeout must
 * exceed the server's own 15 s + 30 s (spec §11); a missing acknowledgement is a
 * {@link HappyTimeoutException}, a connection drop during the call a
 * {@link HappyConnectionException}. Each call is observed, and its latency recorded in
 * {@link HappyMetrics}.
 * <p>
 * Internal: not API, may change in any release (public for the benchmarks).
 */
@Internal
public class HappyRpc {

	private final HappySocket socket;

	private final HappyMetrics metrics;

	private final HappyObservations observations;

	/**
	 * Create a caller whose calls are not observed.
	 * @param socket the connection
	 * @param metrics where call latencies go
	 */
	public HappyRpc(HappySocket socket, HappyMetrics metrics) {
		this(socket, metrics, HappyObservations.NOOP);
	}

	/**
	 * Create a caller.
	 * @param socket the connection
	 * @param metrics where call latencies go
	 * @param observations where calls are observed
	 */
	public HappyRpc(HappySocket socket, HappyMetrics metrics, HappyObservations observations) {
		this.socket = socket;
		this.metrics = metrics;
		this.observations = observations;
	}

	/**
	 * Call a method.
	 * @param method {@code <scope>:<name>}
	 * @param key the record key of the scope
	 * @param params the parameters (a JSON value)
	 * @param timeout how long to wait for the server's acknowledgement
	 * @return the outcome
	 */
	public Mono<RpcOutcome> call(String method, RecordKey key, Object params, Duration timeout) {
		return this.observations.rpc(() -> new RpcObservationContext(method), (context) -> {
			String name = context.getMethodName();
			long start = System.nanoTime();
			RpcCall call = new RpcCall(method, key.seal(params));
			return this.socket
				.emitWithAck("rpc-call", call, timeout,
						() -> new HappyTimeoutException("No answer to RPC '" + name + "' within " + timeout))
				.map((json) -> outcome(key, json))
				.doOnSuccess((outcome) -> {
					String tag = outcomeTag(outcome);
					context.setOutcomeIfAbsent(tag);
					this.metrics.rpcCompleted(name, tag, elapsed(start));
				})
				.doOnError((ex) -> this.metrics.rpcCompleted(name, HappyObservations.outcomeOf(ex), elapsed(start)));
		});
	}

	private static RpcOutcome outcome(RecordKey key, String json) {
		RpcAck ack = HappyJson.read(json, RpcAck.class);
		if (ack.ok()) {
			if (ack.result() == null) {
				throw new HappyException("The Happy server acknowledged an RPC without a result");
			}
			return new RpcOutcome.Answered(key.open(ack.result()));
		}
		return new RpcOutcome.Refused((ack.error() != null) ? ack.error() : "unknown error");
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static String outcomeTag(RpcOutcome outcome) {
		if (outcome instanceof RpcOutcome.Refused refused) {
			return refused.targetOffline() ? "offline" : "refused";
		}
		return "ok";
	}

}
