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

package io.github.agentprotocols.lime.docs;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.site.LimeSite;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// tag::controller[]
@RestController
class AgentBindingController {

	private final LimeSite lime;

	private final Set<String> started = ConcurrentHashMap.newKeySet();

	AgentBindingController(LimeSite lime) {
		this.lime = lime;
	}

	@PostMapping("/agent-binding")
	Mono<Map<String, String>> start() {
		// LIME redirects the user's browser back here with ?passport=<binding passport>
		return this.lime.createBindingRequest(URI.create("https://app.example/agent-binding/callback"))
			.doOnNext((binding) -> this.started.add(binding.bindingId()))
			.map((binding) -> Map.of("connectUrl", binding.connectUrl().toString()));
	}

	@GetMapping("/agent-binding/callback")
	Mono<ResponseEntity<String>> callback(@RequestParam String passport) {
		return this.lime.verifyBindingPassport(passport)
			// LIME 2.0: the binding id is the site's to match
			.filter((verified) -> this.started.remove(verified.bindingId()))
			.map((verified) -> ResponseEntity.ok("Bound to agent " + verified.agentId()))
			.defaultIfEmpty(ResponseEntity.status(HttpStatus.FORBIDDEN).body("Not a binding of this site"))
			.onErrorResume(InvalidPassportException.class,
					(ex) -> Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("Invalid passport")));
	}

}
// end::controller[]
