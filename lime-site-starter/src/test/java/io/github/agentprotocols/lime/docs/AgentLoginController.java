package io.github.agentprotocols.lime.docs;

// tag::imports[]
import java.util.Map;

import io.github.agentprotocols.lime.site.LimeSite;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
// end::imports[]

// tag::controller[]
@RestController
class AgentLoginController {

	private final LimeSite lime;

	AgentLoginController(LimeSite lime) {
		this.lime = lime;
	}

	@PostMapping("/agent-login")
	Mono<Map<String, String>> start() {
		return this.lime.createLoginRequest().map((request) -> Map.of("requestId", request.requestId()));
	}

}
// end::controller[]
