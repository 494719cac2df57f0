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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hpp.check-websocket-origin=false} the WebSocket upgrade accepts pages of
 * any origin, as the reference does (spec §11.2 item 9: the token is then the only
 * mitigation).
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hpp.check-websocket-origin=false")
@SpecItem("HPP-11.2.9")
class HandshakeWebSocketAnyOriginTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void pagesOfAnyOriginConnectWhenTheCheckIsOff() throws Exception {
		Session s = create("{}");
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token(), "Origin",
				"https://elsewhere.example")) {
			assertThat(ws.next(WAIT).get("type").stringValue()).isEqualTo("connected");
		}
	}

}
