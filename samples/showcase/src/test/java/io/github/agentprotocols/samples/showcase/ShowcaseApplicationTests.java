package io.github.agentprotocols.samples.showcase;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
	void limeIsUpOnTheInProcessFakeLimeApiWithoutASiteToken() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health/agentProtocols")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.lime.status")
				.isEqualTo("UP")
				.jsonPath("$.components.lime.details.stream")
				.isEqualTo("connected")
				.jsonPath("$.components.lime.details.apiBase")
				.value((apiBase) -> assertThat(apiBase.toString()).startsWith("http://127.0.0.1:")));
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
