package io.github.agentprotocols.hpp;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that talk to the application on its random port.
 */
abstract class RunningServerTests {

	@LocalServerPort
	int port;

	HttpProbe http;

	@BeforeEach
	void probe() {
		this.http = new HttpProbe(this.port);
	}

	Session create(String body) {
		JsonNode created = this.http.create(body);
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	record Session(String sid, String token) {
	}

}
