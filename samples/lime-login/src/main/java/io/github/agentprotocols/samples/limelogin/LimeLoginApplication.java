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
