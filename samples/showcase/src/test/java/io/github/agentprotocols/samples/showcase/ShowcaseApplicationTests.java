package io.github.agentprotocols.samples.showcase;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ShowcaseApplicationTests {

	@Autowired
	WebTestClient client;

	@Test
	void healthGroupGathersEveryProtocol() {
		this.client.get()
			.uri("/actuator/health/agentProtocols")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.hpp")
			.exists()
			.jsonPath("$.components.lime")
			.exists()
			.jsonPath("$.components.acp")
			.exists()
			.jsonPath("$.components.appControl")
			.exists()
			.jsonPath("$.components.happy")
			.exists();
	}

	@Test
	void handshakeEndpointsServeBesideTheOtherStarters() {
		this.client.post()
			.uri("/handshake/session")
			.bodyValue("{\"mode\":\"form-fill\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sessionId")
			.isNotEmpty()
			.jsonPath("$.expiresIn")
			.isEqualTo(1800);
	}

	@Test
	void infoListsEveryProtocol() {
		this.client.get()
			.uri("/actuator/info")
			.exchange()
			.expectBody()
			.jsonPath("$.agentProtocols.length()")
			.isEqualTo(5)
			.jsonPath("$.agentProtocols.appControl.propertyPrefix")
			.isEqualTo("app-control");
	}

}
