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

import java.time.Duration;
import java.util.Map;

import io.github.agentprotocols.benchmarks.acp.StormClients.Transport;
import org.jspecify.annotations.Nullable;

/**
 * What one reconnect storm measured.
 *
 * @param server the server: {@code acp}, or {@code raw_netty_socketio} for the baseline
 * @param transport the clients' transport
 * @param clients how many clients
 * @param jitter the longest random delay of a client's reconnection
 * @param limit the server's {@code acp.socketio.max-pending-connections}
 * @param pacedRefusals 503 answers met by the clients connecting at their own pace
 * @param connectedBefore clients connected before the restart
 * @param reconnected clients connected after it
 * @param refusals 503 {@code Too many pending connections} answers met in the storm
 * @param unearnedRefusals those of them met while the clients' outstanding handshakes and
 * pending sessions never exceeded the limit
 * @param serverLoggedRefusals the refusals the new server reported at WARN
 * @param peakOutstanding the most handshakes and pending sessions the clients had at once
 * @param errors the other failed attempts, by kind
 * @param timeToAllReconnected from the release of the reconnections (the new server up)
 * to the last client connected; {@code null} if not all did
 * @param descriptorLimit the server process's limit of open files
 * @param descriptorsBefore the first server's open descriptors before any client
 * @param descriptorsConnected its open descriptors with every client connected
 * @param descriptorsRestarted the new server's open descriptors before any client
 * @param descriptorsReconnected its open descriptors with every client reconnected
 * @param descriptorsAfterClose its open descriptors once the clients closed
 */
record StormReport(String server, Transport transport, int clients, Duration jitter, int limit, int pacedRefusals,
		int connectedBefore, int reconnected, int refusals, int unearnedRefusals, int serverLoggedRefusals,
		int peakOutstanding, Map<String, Integer> errors, @Nullable Duration timeToAllReconnected, long descriptorLimit,
		long descriptorsBefore, long descriptorsConnected, long descriptorsRestarted, long descriptorsReconnected,
		long descriptorsAfterClose) {

	static final String CSV_HEADER = "server,transport,clients,jitter_ms,max_pending,paced_503,connected_before,"
			+ "reconnected,storm_503,unearned_503,server_logged_503,peak_outstanding,other_errors,"
			+ "time_to_all_reconnected_ms,time_ratio_to_baseline,fd_limit,fd_before,fd_connected,fd_restarted,fd_reconnected,"
			+ "fd_after_close,error_kinds";

	/**
	 * The errors other than 503.
	 * @return how many
	 */
	int otherErrors() {
		return this.errors.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * The descriptors the new server holds once the clients closed beyond those it held
	 * before any client.
	 * @return the difference
	 */
	long descriptorsLeft() {
		return this.descriptorsAfterClose - this.descriptorsRestarted;
	}

	/**
	 * The report as a CSV line.
	 * @param baseline the baseline's report, the same storm against the bare
	 * netty-socketio server
	 * @return the line
	 */
	String toCsv(@Nullable StormReport baseline) {
		String ratio = (this.timeToAllReconnected != null && baseline != null && baseline.timeToAllReconnected != null)
				? String.format("%.2f", (double) this.timeToAllReconnected.toNanos()
						/ Math.max(1, baseline.timeToAllReconnected.toNanos()))
				: "";
		return String.join(",", this.server, this.transport.name().toLowerCase(), String.valueOf(this.clients),
				String.valueOf(this.jitter.toMillis()), String.valueOf(this.limit), String.valueOf(this.pacedRefusals),
				String.valueOf(this.connectedBefore), String.valueOf(this.reconnected), String.valueOf(this.refusals),
				String.valueOf(this.unearnedRefusals), String.valueOf(this.serverLoggedRefusals),
				String.valueOf(this.peakOutstanding), String.valueOf(otherErrors()),
				(this.timeToAllReconnected != null) ? String.valueOf(this.timeToAllReconnected.toMillis()) : "", ratio,
				String.valueOf(this.descriptorLimit), String.valueOf(this.descriptorsBefore),
				String.valueOf(this.descriptorsConnected), String.valueOf(this.descriptorsRestarted),
				String.valueOf(this.descriptorsReconnected), String.valueOf(this.descriptorsAfterClose),
				"\"" + this.errors.toString().replace("\"", "'") + "\"");
	}

}
