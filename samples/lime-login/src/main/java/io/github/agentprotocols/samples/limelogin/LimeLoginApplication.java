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

package io.github.agentprotocols.samples.limelogin;

import java.net.URI;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves a page (static {@code lime-login.html}) where a user lets an AI agent log in
 * through LIME: the page starts a login request, the agent approves it at LIME, and the
 * outcome is pushed to the page. With the {@code offline} profile the fake LIME API of
 * the test kit runs in this process ({@link OfflineLimeInitializer}); otherwise
 * {@code LIME_SITE_TOKEN} (and optionally {@code LIME_API_BASE}) point it at LIME.
 */
@SpringBootApplication
public class LimeLoginApplication {

	public static void main(String[] args) {
		SpringApplication.run(LimeLoginApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> home() {
		return RouterFunctions.route(RequestPredicates.GET("/"),
				(request) -> ServerResponse.temporaryRedirect(URI.create("/lime-login.html")).build());
	}

}
