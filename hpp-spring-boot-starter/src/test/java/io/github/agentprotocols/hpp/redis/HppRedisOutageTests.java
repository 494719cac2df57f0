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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.hpp.WsProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose Redis does not answer still starts, and answers every request with
 * a clear 503 instead of an internal error.
 */
class HppRedisOutageTests {

	static ConfigurableApplicationContext app;

	static HttpProbe http;

	@BeforeAll
	static void start() {
		app = new SpringApplicationBuilder(HppTestApplication.class)
			.properties("server.port=0", "hpp.store.type=redis", "spring.data.redis.url=redis://127.0.0.1:1",
					"spring.data.redis.connect-timeout=1s")
			.run();
		http = new HttpProbe(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void createAnswers503WithRetryAfter() {
		Reply reply = http.post("/handshake/session", null, "{}");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body()).isEqualTo("{\"error\":\"session store unavailable\"}");
		assertThat(reply.response().headers().firstValue("Retry-After")).hasValue("5");
	}

	@Test
	void agentEndpointsAnswer503() {
		assertThat(http.get("/handshake/context/0123", "token").status()).isEqualTo(503);
		assertThat(http.post("/handshake/action/0123", "token", "{}").status()).isEqualTo(503);
		assertThat(http.post("/handshake/session/0123/extend", "token", "{}").status()).isEqualTo(503);
	}

	@Test
	void webSocketIsClosed() throws Exception {
		try (WsProbe ws = WsProbe.open(http.base().replace("http://localhost:", "").transform(Integer::parseInt),
				"/ws/handshake/0123?token=t")) {
			assertThat(ws.awaitClose(Duration.ofSeconds(10))).isNotEqualTo(1000);
		}
	}

}
