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

package io.github.agentprotocols.acp.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.cluster.AcpClusterRelay;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for the x64acp Assistant Communication Protocol: up
 * when the thread store answers within five seconds, with the number of active runs; down
 * with the error otherwise. Both report the kind of store and, with a cluster relay, its
 * transport, whether it listens on the cluster channel now and hears its own probe there,
 * and when it last heard that probe (none of which changes the status: after a loss the
 * relay reconnects and catches up). With the Socket.IO transport, whether its server runs
 * (down when it does not) and how many sockets are connected.
 */
public class AcpHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ThreadStore store;

	private final @Nullable AcpClusterRelay cluster;

	private final @Nullable AcpSocketIoServer socketIo;

	/**
	 * Creates the indicator.
	 * @param store the thread store
	 */
	public AcpHealthIndicator(ThreadStore store) {
		this(store, null, null);
	}

	/**
	 * Creates the indicator.
	 * @param store the thread store
	 * @param cluster the relay between the application's instances, if any
	 * @param socketIo the Socket.IO server, if any
	 */
	public AcpHealthIndicator(ThreadStore store, @Nullable AcpClusterRelay cluster,
			@Nullable AcpSocketIoServer socketIo) {
		super("x64acp Assistant Communication Protocol health check failed");
		this.store = store;
		this.cluster = cluster;
		this.socketIo = socketIo;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		builder.withDetail("store", this.store.getClass().getSimpleName());
		if (this.cluster != null) {
			Map<String, Object> cluster = new LinkedHashMap<>();
			cluster.put("transport", this.cluster.transport());
			cluster.put("listening", this.cluster.isListening());
			Instant heard = this.cluster.heard();
			if (heard != null) {
				cluster.put("heard", heard.toString());
			}
			builder.withDetail("cluster", cluster);
		}
		boolean socketIoDown = false;
		if (this.socketIo != null) {
			boolean running = this.socketIo.isRunning();
			builder.withDetail("socketio", Map.of("running", running, "sockets", this.socketIo.connectedSockets()));
			socketIoDown = !running;
		}
		boolean down = socketIoDown;
		return this.store.countActiveRuns()
			.timeout(TIMEOUT)
			.map((activeRuns) -> (down ? builder.down() : builder.up()).withDetail("activeRuns", activeRuns).build())
			.onErrorResume((ex) -> Mono.just(builder.down(ex).build()));
	}

}
