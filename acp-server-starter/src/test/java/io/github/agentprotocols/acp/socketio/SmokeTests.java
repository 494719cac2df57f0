package io.github.agentprotocols.acp.socketio;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class SmokeTests {

	@LocalServerPort
	int port;

	@Test
	void smoke() {
		for (String transport : new String[] { "polling", "websocket" }) {
			AcpRest rest = new AcpRest(this.port);
			String thread = rest.thread("helper");
			try (TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port, transport, "alice")) {
				socket.connected();
				JsonNode ack = socket.emit("thread:join", "{\"thread_id\":\"" + thread + "\"}");
				System.out.println(transport + " JOIN " + ack);
				rest.message("alice", thread, "hi");
				System.out.println(transport + " EVENT " + socket.awaitReceived("event", (e) -> true));
				System.out.println(transport + " SEND " + socket.emit("message:send", "{\"thread_id\":\"" + thread
						+ "\",\"draft\":{\"content\":[{\"type\":\"text\",\"text\":\"yo\"}]}}"));
				System.out.println(transport + " UNKNOWN " + socket.emit("nope", "{}"));
			}
			try (TestSocket socket = TestSocket.open("http://127.0.0.1:" + this.port, transport, null)) {
				System.out.println(transport + " NOAUTH " + socket.connectError());
			}
		}
		assertThat(this.port).isPositive();
	}

}
