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

import java.util.Map;

import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.lime.test.LimeAgent.LimeAgentException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo agent, when the fake LIME API runs in this process (offline): it approves a
 * login request the page started, as an AI agent would with its agent token — reading the
 * challenge, solving the proof-of-work, approving at LIME. Without the fake it is not
 * available and every call answers 404.
 */
@RestController
@RequestMapping("/lime-login/demo-agent")
public class DemoAgentController {

	private final ObjectProvider<LimeAgent> agent;

	private final PendingLogins pending;

	public DemoAgentController(ObjectProvider<LimeAgent> agent, PendingLogins pending) {
		this.agent = agent;
		this.pending = pending;
	}

	@GetMapping
	Map<String, Boolean> availability() {
		return Map.of("available", this.agent.getIfAvailable() != null);
	}

	@PostMapping("/{requestId}")
	Mono<ResponseEntity<?>> approve(@PathVariable String requestId) {
		LimeAgent agent = this.agent.getIfAvailable();
		if (agent == null) {
			return Mono.just(ErrorResponses
				.of(HttpStatus.NOT_FOUND, "No demo agent: run with the offline profile, then the fake LIME API has one")
				.build());
		}
		if (!this.pending.contains(requestId)) {
			return Mono.just(
					ErrorResponses.of(HttpStatus.NOT_FOUND, "No login request with this id was started here").build());
		}
		return Mono.fromCallable(() -> agent.approve(requestId))
			.subscribeOn(Schedulers.boundedElastic())
			.map((approved) -> ResponseEntity
				.ok(new Approval((String) approved.get("status"), (String) approved.get("approved_agent_id"))));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(LimeAgentException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getHttpStatus());
		if (status == null || !status.is4xxClientError() || status == HttpStatus.UNAUTHORIZED
				|| status == HttpStatus.FORBIDDEN) {
			return ErrorResponses.of(HttpStatus.BAD_GATEWAY, "The demo agent could not reach LIME: " + ex.getMessage())
				.build();
		}
		return ErrorResponses.of(status, "LIME refused the demo agent: " + ex.getMessage()).build();
	}

	/**
	 * LIME's answer to the demo agent's approval.
	 *
	 * @param status {@code APPROVED}, or {@code DELIVERED} once pushed to the site
	 * @param agentId the agent that approved
	 */
	record Approval(String status, @Nullable String agentId) {

	}

}
