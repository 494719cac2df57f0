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

package io.github.agentprotocols.benchmarks.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.agentprotocols.testsupport.PostgresServer;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.RedisServerProcess;

/**
 * The faults the driver injects, chosen with {@code -Dbench.faults.kind}: each holds what
 * it fails for the run (the shared setup for faults exclusively, or a PostgreSQL server
 * of its own) and runs the loads it applies to.
 */
public enum FaultKind {

	/**
	 * {@code CLUSTER FAILOVER} of the masters of {@code TEST_REDIS_FAULT_CLUSTER_NODES}
	 * in turn.
	 */
	CLUSTER_FAILOVER("cluster-failover", HppUnderFaults.NAME, AcpUnderFaults.NAME) {

		@Override
		FaultReport drive(String load, Duration duration, Duration interval) throws Exception {
			RedisCluster cluster = RedisCluster.forFaults();
			try (AutoCloseable held = cluster.exclusively()) {
				return HppUnderFaults.NAME.equals(load)
						? HppUnderFaults.clusterFailovers(cluster, duration, interval, 1).run()
						: AcpUnderFaults.clusterFailovers(cluster, duration, interval, 1).run();
			}
		}

	},

	/** {@code SENTINEL FAILOVER} of the master of {@code TEST_REDIS_SENTINEL_NODES}. */
	SENTINEL_FAILOVER("sentinel-failover", HppUnderFaults.NAME) {

		@Override
		FaultReport drive(String load, Duration duration, Duration interval) throws Exception {
			RedisSentinel sentinel = RedisSentinel.shared();
			try (AutoCloseable held = sentinel.exclusively()) {
				return HppUnderFaults.sentinelFailovers(sentinel, duration, interval, 1).run();
			}
		}

	},

	/**
	 * {@code kill -9} of an instance, a JVM of its own, started again after: HPP on a
	 * stand-alone Redis of the run's own, ACP on the configured PostgreSQL (relaying
	 * through it) with runs in progress on the instance killed.
	 */
	INSTANCE_KILL("instance-kill", HppUnderFaults.NAME, AcpUnderFaults.NAME) {

		@Override
		FaultReport drive(String load, Duration duration, Duration interval) throws Exception {
			if (AcpUnderFaults.NAME.equals(load)) {
				return AcpUnderFaults.instanceKills(duration, interval, 1).run();
			}
			try (RedisServerProcess redis = RedisServerProcess.start()) {
				return HppUnderFaults.instanceKills(redis, duration, interval, 1).run();
			}
		}

	},

	/** {@code pg_terminate_backend} of every application connection. */
	PG_TERMINATE("pg-terminate", AcpUnderFaults.NAME) {

		@Override
		FaultReport drive(String load, Duration duration, Duration interval) throws Exception {
			return onOwnPostgres((server) -> AcpUnderFaults.postgresConnectionsCut(server, duration, interval, 1));
		}

	},

	/** A restart of the PostgreSQL server. */
	PG_RESTART("pg-restart", AcpUnderFaults.NAME) {

		@Override
		FaultReport drive(String load, Duration duration, Duration interval) throws Exception {
			return onOwnPostgres((server) -> AcpUnderFaults.postgresRestarts(server, duration, interval, 1));
		}

	};

	/** The system property that names the kind. */
	public static final String PROPERTY = "bench.faults.kind";

	private final String kind;

	private final Set<String> loads;

	FaultKind(String kind, String... loads) {
		this.kind = kind;
		this.loads = Set.of(loads);
	}

	/**
	 * The kind of a name, such as {@code pg-restart}.
	 * @param kind the name
	 * @return the kind
	 * @throws IllegalArgumentException if no kind has that name
	 */
	public static FaultKind of(String kind) {
		return Arrays.stream(values())
			.filter((candidate) -> candidate.kind.equals(kind.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown " + PROPERTY + " '" + kind + "': use one of "
					+ Arrays.stream(values()).map((value) -> value.kind).collect(Collectors.joining(", "))));
	}

	/**
	 * Whether this fault applies to a load.
	 * @param load the load, {@value HppUnderFaults#NAME} or {@value AcpUnderFaults#NAME}
	 * @return whether {@link #run} drives it
	 */
	public boolean drives(String load) {
		return this.loads.contains(load);
	}

	/**
	 * Runs a load under this fault.
	 * @param load a load this fault {@linkplain #drives(String) drives}
	 * @param duration how long faults go on
	 * @param interval the time between two faults
	 * @return what was counted
	 * @throws Exception if the run could not be driven
	 */
	public FaultReport run(String load, Duration duration, Duration interval) throws Exception {
		if (!drives(load)) {
			throw new IllegalArgumentException(this.kind + " does not apply to " + load);
		}
		return drive(load, duration, interval);
	}

	abstract FaultReport drive(String load, Duration duration, Duration interval) throws Exception;

	private static FaultReport onOwnPostgres(Function<PostgresServer, AcpUnderFaults> load) throws Exception {
		try (PostgresServer server = PostgresServer.start()) {
			return load.apply(server).run();
		}
	}

	@Override
	public String toString() {
		return this.kind;
	}

}
