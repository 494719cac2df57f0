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

package io.github.agentprotocols.benchmarks.happy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import io.github.agentprotocols.benchmarks.load.SocketIoOperation;
import io.github.agentprotocols.benchmarks.observation.ObservationMode;
import io.github.agentprotocols.happy.HappyMetrics;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.SpawnException;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.HappyObservations;
import io.github.agentprotocols.happy.HappyRpc;
import io.github.agentprotocols.happy.RpcOutcome;
import io.github.agentprotocols.happy.HappySocket;
import io.github.agentprotocols.happy.SocketListener;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.socket.client.IO;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONObject;
import reactor.core.publisher.Mono;

/**
 * Happy RPC round trip: {@code <sessionId>:abort}, a harmless method of a session whose
 * agent the {@link FakeHappyDaemon} plays, called through the client's {@link HappyRpc}
 * (parameters encrypted, the {@code rpc-call} emitted with acknowledgement, the answer
 * parsed and its result decrypted), and, for what a caller of the public API sees, a
 * {@link ReactiveHappyClient#spawnSession spawn} the daemon refuses at once
 * ({@code requestToApproveDirectoryCreation}: a REST read of the machine, the RPC, the
 * typed error). Baseline: a raw {@code io.socket} emit of the same {@code rpc-call} with
 * acknowledgement, its parameters encrypted once beforehand and the answer not decrypted,
 * on a socket of its own to the same fake server and the same agent. The RPC is also
 * measured observed ({@code happy-rpc-call-observed-*}: divide by {@code happy-rpc-call},
 * which has no observations) with {@link ObservationMode#METRICS} and
 * {@link ObservationMode#TRACING}. All with {@code concurrency} calls in flight, in
 * alternating rounds.
 */
public final class HappyRpcRoundTrip implements LoadScenario {

	private static final int REQUESTS = 5_000;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String MISSING_DIRECTORY = "/bench/missing";

	private final int concurrency;

	/**
	 * Create the scenario.
	 * @param concurrency the calls in flight at once
	 */
	public HappyRpcRoundTrip(int concurrency) {
		this.concurrency = concurrency;
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(this.concurrency, Duration.ofMinutes(3));
		try (FakeHappyServer server = FakeHappyServer.start()) {
			HappyTestAccount account = HappyTestAccount.create(server);
			try (FakeHappyDaemon daemon = FakeHappyDaemon.builder(account)
				.directoryExists((directory) -> !directory.equals(MISSING_DIRECTORY))
				.start(); ReactiveHappyClient client = ReactiveHappyClient.create(account.credentials())) {
				String sessionId = client.spawnSession(daemon.machineId(), "/bench").block(WAIT);
				String method = sessionId + ":abort";
				RecordKey key = new RecordKey(account.secret(), EncryptionVariant.LEGACY);
				Map<String, Object> params = Map.of("reason", "benchmark");
				try (HappySocket socket = new HappySocket(URI.create(server.url()), Mono.just(account.token()),
						"happy-bench", WAIT, new SocketListener() {
						}); SocketIoOperation raw = rawSocket(server, account, method, key.seal(params))) {
					Operation happy = rpcCall(new HappyRpc(socket, HappyMetrics.NONE), method, key, params);
					Operation happyMetrics = rpcCall(new HappyRpc(socket, HappyMetrics.NONE,
							new HappyObservations(ObservationMode.METRICS.registry())), method, key, params);
					Operation happyTracing = rpcCall(new HappyRpc(socket, HappyMetrics.NONE,
							new HappyObservations(ObservationMode.TRACING.registry())), method, key, params);
					Operation spawnRefused = () -> client.spawnSession(daemon.machineId(), MISSING_DIRECTORY)
						.then(Mono.error(() -> new IllegalStateException("the spawn was not refused")))
						.onErrorResume(SpawnException.class, (ex) -> Mono.empty())
						.toFuture();
					Operation baseline = () -> raw.call().thenApply(HappyRpcRoundTrip::acknowledged);
					String suffix = "-" + this.concurrency + "-in-flight";
					driver.run("warmup", REQUESTS, baseline);
					driver.run("warmup", REQUESTS, happy);
					driver.run("warmup", REQUESTS / 5, spawnRefused);
					driver.run("warmup", REQUESTS, happyMetrics);
					driver.run("warmup", REQUESTS, happyTracing);
					return Rounds.alternate(Rounds.count(),
							new Measurement("baseline-socketio-rpc-call" + suffix,
									(name) -> driver.run(name, REQUESTS, baseline)),
							new Measurement("happy-rpc-call" + suffix, (name) -> driver.run(name, REQUESTS, happy)),
							new Measurement("happy-client-spawn-refused" + suffix,
									(name) -> driver.run(name, REQUESTS / 5, spawnRefused)),
							new Measurement("happy-rpc-call-observed-metrics" + suffix,
									(name) -> driver.run(name, REQUESTS, happyMetrics)),
							new Measurement("happy-rpc-call-observed-tracing" + suffix,
									(name) -> driver.run(name, REQUESTS, happyTracing)));
				}
			}
		}
	}

	private static Operation rpcCall(HappyRpc rpc, String method, RecordKey key, Map<String, Object> params) {
		return () -> rpc.call(method, key, params, WAIT).map(HappyRpcRoundTrip::answered).toFuture();
	}

	private static SocketIoOperation rawSocket(FakeHappyServer server, HappyTestAccount account, String method,
			String sealedParams) {
		IO.Options options = IO.Options.builder()
			.setForceNew(true)
			.setPath(FakeHappyServer.SOCKET_PATH)
			.setTransports(new String[] { WebSocket.NAME })
			.setReconnection(false)
			.setAuth(Map.of("token", account.token(), "clientType", "user-scoped"))
			.build();
		JSONObject call = new JSONObject(Map.of("method", method, "params", sealedParams));
		return new SocketIoOperation(URI.create(server.url()), options, "rpc-call", () -> call);
	}

	private static Object answered(RpcOutcome outcome) {
		if (outcome instanceof RpcOutcome.Answered answered) {
			return answered.result();
		}
		throw new IllegalStateException("RPC refused: " + outcome);
	}

	private static Object[] acknowledged(Object[] ack) {
		if (ack.length == 0 || !(ack[0] instanceof JSONObject answer) || !answer.optBoolean("ok")) {
			throw new IllegalStateException("RPC refused: " + List.of(ack));
		}
		return ack;
	}

}
