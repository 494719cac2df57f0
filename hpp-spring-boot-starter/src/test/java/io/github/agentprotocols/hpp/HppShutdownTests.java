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

package io.github.agentprotocols.hpp;

import java.time.Duration;

import io.github.agentprotocols.testsupport.BackgroundWorkProbe;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application while a watched session has a paced batch in flight closes the
 * session's WebSocket connection with 1001 (going away) and leaves nothing of the
 * protocol running: no cleanup sweep, heartbeat, pacing delay or subscription linger runs
 * once the context's lifecycle beans have stopped, no thread of the context outlives it
 * and, with Redis, no pub/sub subscription stays and nothing tries to publish through the
 * stopped connection factory. It does so promptly: the suite's cached contexts all close
 * when the test JVM exits, one after the other, within the 30 s Surefire allows. It
 * watches the JVM's Reactor schedulers, so it never runs beside
 * {@link HandshakeIdleConnectionIT}.
 */
@ExtendWith(OutputCaptureExtension.class)
@UsesRedis
@ResourceLock(HandshakeIdleConnectionIT.SCHEDULERS)
class HppShutdownTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void closingWithTheMemoryStoreLeavesNothingRunning(CapturedOutput output) throws Exception {
		closeWithWorkInFlight("hpp.store.type=memory");
		assertThat(output).doesNotContain("Could not deliver");
	}

	@Test
	void closingWithTheRedisStoreLeavesNothingRunning(CapturedOutput output) throws Exception {
		String prefix = RedisMode.prefix();
		closeWithWorkInFlight("hpp.store.type=redis", "hpp.store.key-prefix=" + prefix,
				RedisFixture.connectionProperty());
		assertThat(output).doesNotContain("Could not deliver").doesNotContain("subscription of a handshake session");
		RedisClient client = RedisClient.create(RedisFixture.url().toString());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().pubsubChannels(prefix + "*")).isEmpty();
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void closingWithWorkInFlightDoesNotWaitForTheGracefulShutdownTimeout() throws Exception {
		// An open WebSocket used to hold graceful shutdown for its whole 30 s timeout;
		// the bound leaves a loaded machine ample room without letting that return.
		assertThat(closeWithWorkInFlight("hpp.store.type=memory")).isLessThan(Duration.ofSeconds(10));
	}

	/**
	 * Closes a running application whose watched session has a paced batch in flight.
	 * @param properties the application's properties
	 * @return how long closing the application took
	 */
	private Duration closeWithWorkInFlight(String... properties) throws Exception {
		try (BackgroundWorkProbe probe = BackgroundWorkProbe.start()) {
			ConfigurableApplicationContext app = new SpringApplicationBuilder(HppTestApplication.class)
				.properties("server.port=0", "hpp.cleanup-interval=100ms", "hpp.heartbeat-interval=100ms")
				.properties(properties)
				.initializers(probe.initializer())
				.run();
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			HttpProbe http = new HttpProbe(port);
			Duration closing;
			JsonNode created = http.create("{\"mode\":\"form-fill\"}");
			String sid = created.get("sessionId").stringValue();
			String token = created.get("token").stringValue();
			try (WsProbe ws = WsProbe.open(port, "/ws/handshake/" + sid + "?token=" + token)) {
				assertThat(ws.next(WAIT).get("type").stringValue()).isEqualTo("connected");
				http.post("/handshake/action/" + sid, token, """
						{"actions":[{"type":"set","key":"a","value":1},{"type":"set","key":"b","value":2},
						{"type":"set","key":"c","value":3},{"type":"set","key":"d","value":4}],"intervalMs":400}""");
				assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("action");
				long start = System.nanoTime();
				app.close();
				closing = Duration.ofNanos(System.nanoTime() - start);
				assertThat(ws.awaitClose(WAIT)).as("close code").isEqualTo(1001);
			}
			probe.assertNothingLeft(Duration.ofSeconds(2));
			return closing;
		}
	}

}
