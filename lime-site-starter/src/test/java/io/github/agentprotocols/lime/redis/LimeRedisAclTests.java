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

package io.github.agentprotocols.lime.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.commons.redis.RedisPermissionException;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PassportReplayedException;
import io.github.agentprotocols.lime.health.LimeHealthIndicator;
import io.github.agentprotocols.lime.redis.ClusterInstances.BrowserLogins;
import io.github.agentprotocols.lime.redis.ClusterInstances.Outcomes;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.RedisAclUser;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.agentprotocols.lime.redis.ClusterInstances.leads;
import static io.github.agentprotocols.lime.redis.ClusterInstances.outcomes;
import static io.github.agentprotocols.lime.redis.ClusterInstances.pending;
import static io.github.agentprotocols.lime.redis.ClusterInstances.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances of a site on one Redis ({@code lime.store.type=redis}),
 * connected as the ACL user that docs/how-to/use-a-redis-acl-user.md lists for LIME and
 * nothing more, do the starter's whole Redis workload (pending requests, the lease, the
 * event log, the broadcast, the passport replay store, health, the lease's release and
 * takeover): Redis denies the user nothing.
 */
@UsesRedis
@ExtendWith(OutputCaptureExtension.class)
class LimeRedisAclTests {

	private static final Path DOCS = Path.of("../docs/how-to/use-a-redis-acl-user.md");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private FakeLimeApi fake;

	private ClusterInstances instances;

	private RedisAclUser user;

	@AfterEach
	void close() {
		try {
			this.instances.close();
			this.fake.close();
			assertThat(this.user.denials()).as("ACL LOG of %s", this.user).isEmpty();
		}
		finally {
			this.user.close();
		}
	}

	@Test
	void everyRedisCommandOfTwoInstancesIsAllowedToTheDocumentedUser() throws Exception {
		this.fake = FakeLimeApi.builder().sseIds(true).replay(true).start();
		this.instances = new ClusterInstances(this.fake, Duration.ofSeconds(15));
		this.user = RedisAclUser.create(DOCS, "lime", Map.of("lime:", this.instances.prefix));
		this.instances.addProperties(this.user.properties());
		this.instances.addProperties("logging.level.io.github.agentprotocols.commons.redis.RedisPermissionCheck=debug");
		ConfigurableApplicationContext a = this.instances.start("lime-acl-a", true);
		await().atMost(WAIT).until(() -> leads(a) && this.fake.openStreams() == 1);
		ConfigurableApplicationContext b = this.instances.start("lime-acl-b", true);
		await().atMost(WAIT).until(() -> this.instances.broadcastSubscribers() == 2);

		List<String> expected = new ArrayList<>();
		for (ConfigurableApplicationContext creator : List.of(a, b)) {
			LoginRequest request = site(creator).createLoginRequest().block();
			this.fake.agent().approve(request.requestId());
			expected.add(Outcomes.call(request.requestId(), "jwt"));
		}
		LoginRequest expiring = site(b).createLoginRequest().block();
		assertThat(pending(a)).contains(expiring.requestId());
		this.fake.expire(expiring.requestId());
		expected.add(Outcomes.call(expiring.requestId(), null));
		LoginRequest browserLogin = site(b).createLoginRequest().block();
		CompletableFuture<Passport> browser = b.getBean(BrowserLogins.class).waitFor(browserLogin.requestId());
		this.fake.agent().approve(browserLogin.requestId());
		expected.add(Outcomes.call(browserLogin.requestId(), "jwt"));
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			await().atMost(WAIT)
				.untilAsserted(
						() -> assertThat(outcomes(instance).broadcasts).containsExactlyInAnyOrderElementsOf(expected));
		}
		assertThat(browser.get(WAIT.toSeconds(), TimeUnit.SECONDS).requestId()).isEqualTo(browserLogin.requestId());
		String jwt = outcomes(a).broadcast.get(browserLogin.requestId());
		assertThatExceptionOfType(PassportReplayedException.class)
			.isThrownBy(() -> site(a).blocking().verifyPassport(jwt, browserLogin.requestId()));
		assertThat(a.getBean(LimeEventDispatcher.class).getLastEventId()).isNotNull();
		assertThat(pending(a)).doesNotContain(expiring.requestId());
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			assertThat(instance.getBean(LimeHealthIndicator.class).health(true).block().getStatus())
				.isEqualTo(Status.UP);
			assertThat(instance.getBeansOfType(DataRedisReactiveHealthIndicator.class).values()).isNotEmpty()
				.allSatisfy((redis) -> assertThat(redis.health().block().getStatus()).isEqualTo(Status.UP));
		}

		a.close();
		await().atMost(WAIT).until(() -> leads(b) && this.fake.openStreams() == 1);
	}

	@Test
	void userWithoutACommandOfTheDocsFailsTheStartUpWithAnAnalysisNamingTheProperty(CapturedOutput output) {
		this.fake = FakeLimeApi.start();
		this.instances = new ClusterInstances(this.fake, Duration.ofSeconds(15));
		this.user = RedisAclUser.createWithout(DOCS, "lime", Map.of("lime:", this.instances.prefix),
				List.of("+zremrangebyrank"));
		this.instances.addProperties(this.user.properties());
		Throwable failure = catchThrowable(() -> this.instances.start("lime-acl-denied", true));
		String denied = "zremrangebyrank " + this.instances.prefix + "permission-check 0 1";
		assertThat(failure).isInstanceOf(RedisPermissionException.class);
		assertThat(((RedisPermissionException) failure).getDenied()).containsExactly(denied);
		assertThat(output).contains("APPLICATION FAILED TO START", "'" + this.user.name() + "'", "Denied: " + denied,
				"'spring.data.redis.username'", "docs/how-to/use-a-redis-acl-user.md");
	}

}
