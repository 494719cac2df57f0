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

package io.github.agentprotocols.hpp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Application the HTTP and WebSocket tests run against. Its hooks react to marker values
 * so one context covers every hook rule: {@code meta.deny} refuses creation,
 * {@code meta.extend} steers extensions, keys {@code vetoed} and {@code boom} exercise
 * the action hooks, schema types {@code even} and {@code explode} the custom validator.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HppTestApplication {

	@Bean
	CreateSessionHook denyWhenAsked() {
		return (session, request) -> {
			if (session.getMeta().path("deny").asBoolean(false)) {
				throw new IllegalStateException("not logged in");
			}
		};
	}

	@Bean
	@Order(1)
	ActionHook vetoKey() {
		return (session, action, request) -> !"vetoed".equals(action.path("key").asString(""));
	}

	@Bean
	@Order(2)
	ActionHook explodeOnBoom() {
		return (session, action, request) -> {
			if ("boom".equals(action.path("key").asString(""))) {
				throw new IllegalArgumentException("boom");
			}
			return true;
		};
	}

	@Bean
	ExtendHook extensionPolicy() {
		return (session, extraSeconds, request) -> switch (session.getMeta().path("extend").asString("")) {
			case "deny" -> ExtensionDecision.deny();
			case "cap" -> ExtensionDecision.extendBy(5000);
			case "throw" -> throw new IllegalStateException("no extensions on Sundays");
			default -> ExtensionDecision.allow();
		};
	}

	@Bean
	ValueValidator evenNumbers() {
		return (value, type, field) -> switch (type) {
			case "even" -> value.isIntegralNumber() && value.asLong() % 2 == 0;
			case "explode" -> throw new IllegalStateException("validator exploded");
			default -> ValueValidator.builtIn().isValid(value, type, field);
		};
	}

	@Bean
	DoneBatches doneBatches() {
		return new DoneBatches();
	}

	@Bean
	DoneHook recordDone(DoneBatches batches) {
		return (session, applied, rejected, errors) -> batches.add(session.getId(), applied, rejected);
	}

	/**
	 * Batches seen by the done hook.
	 */
	public static class DoneBatches {

		private final List<String> seen = new CopyOnWriteArrayList<>();

		void add(String sessionId, List<String> applied, List<String> rejected) {
			this.seen.add(sessionId + " applied=" + applied + " rejected=" + rejected);
		}

		public List<String> of(String sessionId) {
			return this.seen.stream().filter((entry) -> entry.startsWith(sessionId + " ")).toList();
		}

	}

}
