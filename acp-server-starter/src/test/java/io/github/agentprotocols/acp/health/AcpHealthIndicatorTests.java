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

package io.github.agentprotocols.acp.health;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class AcpHealthIndicatorTests {

	@Test
	void upWithTheActiveRunsOfAReachableStore() {
		InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC());
		Identity alice = Identity.user("alice", "Alice");
		String thread = store.createThread(NewThread.withTenant(null), alice).block().thread().id();
		store.addMember(thread, Identity.assistant("helper", "Helper"), "member", alice).block();
		store.invoke(thread, InvocationRequest.of(List.of("helper"), alice, null, null)).block();
		Health health = new AcpHealthIndicator(store).health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("activeRuns", 1L).containsEntry("store", "InMemoryThreadStore");
	}

	@Test
	void downWhenTheStoreCannotBeReached() {
		ThreadStore unreachable = (ThreadStore) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ThreadStore.class }, (proxy, method, args) -> Mono
					.error(new ThreadStoreUnavailableException("down", new IllegalStateException("refused"))));
		Health health = new AcpHealthIndicator(unreachable).health().block();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("error");
	}

}
