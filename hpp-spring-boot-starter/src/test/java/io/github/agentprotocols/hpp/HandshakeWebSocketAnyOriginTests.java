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
