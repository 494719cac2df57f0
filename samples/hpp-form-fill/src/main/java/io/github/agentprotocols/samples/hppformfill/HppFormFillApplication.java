package io.github.agentprotocols.samples.hppformfill;

import java.net.URI;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves a form (static {@code hpp-form-fill.html}, where {@code /} redirects) that a
 * user hands to an AI agent through a handshake prompt; the HPP starter provides every
 * endpoint the page and the agent use.
 */
@SpringBootApplication
public class HppFormFillApplication {

	public static void main(String[] args) {
		SpringApplication.run(HppFormFillApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> home() {
		return RouterFunctions.route(RequestPredicates.GET("/"),
				(request) -> ServerResponse.temporaryRedirect(URI.create("/hpp-form-fill.html")).build());
	}

}
