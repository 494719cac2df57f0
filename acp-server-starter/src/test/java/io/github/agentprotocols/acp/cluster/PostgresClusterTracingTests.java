package io.github.agentprotocols.acp.cluster;

import java.util.List;

import io.github.agentprotocols.testsupport.UsesPostgres;

/**
 * The span tree across two instances relaying over PostgreSQL's {@code NOTIFY}: the trace
 * travels in the notification's payload.
 */
@UsesPostgres
class PostgresClusterTracingTests extends ClusterTracingContractTests {

	@Override
	List<String> transportProperties() {
		return List.of();
	}

	@Override
	String transport() {
		return "postgres";
	}

}
