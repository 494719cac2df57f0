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

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE {prefix}/session/{sid}} on anonymous sessions (spec §11.2 item 6): the
 * token holder ends the session, its sockets get {@code session closed} and close with
 * 1000. {@link HandshakeSecurityTests} covers sessions bound to their creator.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@SpecItem("HPP-11.2.6")
class HandshakeCloseTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void tokenHolderClosesAnAnonymousSessionAndItsSockets() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		try (WsProbe first = connect(s); WsProbe second = connect(s)) {
			HttpProbe.Reply reply = this.http.delete("/handshake/session/" + s.sid(), s.token());
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).isEqualTo("{\"ok\":true}");
			for (WsProbe ws : new WsProbe[] { first, second }) {
				assertThat(ws.nextEvent(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"session closed\"}");
				assertThat(ws.awaitClose(WAIT)).isEqualTo(1000);
			}
		}
		assertError(this.http.get("/handshake/context/" + s.sid(), s.token()), 404, "session not found or expired");
		assertError(this.http.delete("/handshake/session/" + s.sid(), s.token()), 404, "session not found or expired");
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token())) {
			assertThat(ws.next(WAIT).toString()).isEqualTo("{\"type\":\"error\",\"msg\":\"session not found\"}");
		}
	}

	@Test
	void tokenMayComeAsQueryParameter() {
		Session s = create("{}");
		assertThat(this.http.delete("/handshake/session/" + s.sid() + "?token=" + HttpProbe.encode(s.token()), null)
			.status()).isEqualTo(200);
		assertError(this.http.get("/handshake/context/" + s.sid(), s.token()), 404, "session not found or expired");
	}

	@Test
	void wrongOrMissingTokenLeavesTheSessionAlone() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		try (WsProbe ws = connect(s)) {
			assertError(this.http.delete("/handshake/session/" + s.sid(), "wrong"), 403, "invalid token");
			assertError(this.http.delete("/handshake/session/" + s.sid(), null), 403, "invalid token");
			assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(200);
			Thread.sleep(300);
			assertThat(ws.drain()).allMatch((frame) -> frame.get("type").stringValue().equals("heartbeat"));
			assertThat(ws.isOpen()).isTrue();
		}
	}

	@Test
	void unknownSessionIsNotFound() {
		assertError(this.http.delete("/handshake/session/unknown", "T"), 404, "session not found or expired");
	}

	private WsProbe connect(Session s) throws InterruptedException {
		WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token());
		assertThat(ws.next(WAIT).get("type").stringValue()).isEqualTo("connected");
		return ws;
	}

}
