package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket connection left idle for longer than the reference's 60 s idle close, with
 * the default heartbeat interval: it stays open, receives heartbeats and still gets
 * events afterwards.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class HandshakeIdleConnectionIT extends RunningServerTests {

	@Test
	@SpecItem("HPP-12.27")
	@SpecItem("HPP-A1")
	void connectionSurvivesMoreThanAMinuteOfSilence() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		String sid = s.sid();
		String token = s.token();
		try (WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + sid + "?token=" + token)) {
			assertThat(ws.next(Duration.ofSeconds(10)).get("type").stringValue()).isEqualTo("connected");
			Thread.sleep(Duration.ofSeconds(70).toMillis());
			assertThat(ws.isOpen()).isTrue();
			List<JsonNode> idle = ws.drain();
			assertThat(idle).hasSizeGreaterThanOrEqualTo(2)
				.allMatch((frame) -> frame.toString().equals("{\"type\":\"heartbeat\"}"));
			this.http.post("/handshake/action/" + sid, token,
					"{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":1}],\"intervalMs\":0}");
			assertThat(ws.nextEvent(Duration.ofSeconds(10)).get("type").stringValue()).isEqualTo("action");
		}
	}

}
