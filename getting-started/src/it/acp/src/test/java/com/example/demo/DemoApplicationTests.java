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

package com.example.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.github.agentprotocols.gettingstarted.FirstRequestTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class DemoApplicationTests extends FirstRequestTests {

	@LocalServerPort
	private int port;

	@Test
	void actuatorShowsTheAcpHealthComponentAndInfoEntry() throws Exception {
		DocumentContext health = JsonPath.parse(get("/actuator/health/agentProtocols"));
		assertThat(health.read("$.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.acp.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.acp.details", Map.class)).containsKey("store");
		DocumentContext info = JsonPath.parse(get("/actuator/info"));
		assertThat(info.read("$.agentProtocols.acp.propertyPrefix", String.class)).isEqualTo("acp");
	}

	private String get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
