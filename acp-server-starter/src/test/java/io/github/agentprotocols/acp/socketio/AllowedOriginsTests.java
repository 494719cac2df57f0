package io.github.agentprotocols.acp.socketio;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedOriginsTests {

	@Test
	void starAllowsEveryOrigin() {
		assertThat(AllowedOrigins.of(List.of("*")).isAllowed("https://anything.example")).isTrue();
	}

	@Test
	void listAllowsItsOriginsOnlyIgnoringCaseAndATrailingSlash() {
		AllowedOrigins origins = AllowedOrigins.of(List.of("https://App.example/", "http://localhost:3000"));
		assertThat(origins.isAllowed("https://app.example")).isTrue();
		assertThat(origins.isAllowed("http://localhost:3000")).isTrue();
		assertThat(origins.isAllowed("https://app.example.evil")).isFalse();
		assertThat(origins.isAllowed("http://localhost:3001")).isFalse();
		assertThat(origins.isAllowed("null")).isFalse();
	}

	@Test
	void requestWithoutOriginIsAllowed() {
		assertThat(AllowedOrigins.of(List.of("https://app.example")).isAllowed(null)).isTrue();
	}

}
