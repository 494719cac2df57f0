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

import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.TracedLettuce;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A login request whose visitor leaves as it is created (the page closed while LIME
 * answers) is still remembered as pending once LIME has created it, so that its expiry is
 * reconciled after a disconnect, and drops no error with Lettuce traced by Micrometer as
 * Spring Boot's tracing does it (a command cancelled before its span has started made
 * Micrometer throw {@code Span wasn't started}).
 */
@UsesRedis
class AbandonedLoginRequestTests {

	private final LimeRedisConnections redis = new LimeRedisConnections();

	private final TracedLettuce lettuce = new TracedLettuce();

	private final FakeLimeApi lime = FakeLimeApi.start();

	@AfterEach
	void close() {
		this.lime.close();
		this.redis.close();
		this.lettuce.close();
	}

	@Test
	void loginRequestsAbandonedAsTheyAreCreatedAreRememberedAndDropNoError() {
		RedisPendingLoginRequests pending = new RedisPendingLoginRequests(
				new ReactiveStringRedisTemplate(this.redis.factory(this.lettuce.clientConfiguration())),
				this.redis.keys, Clock.systemUTC(), Duration.ofHours(1), 10_000);
		LimeSite site = LimeSite.builder()
			.apiBase(this.lime.baseUrl())
			.siteToken(this.lime.siteToken())
			.pendingRequests(pending)
			.build();
		for (int i = 0; i < 2000; i++) {
			Disposable call = site.createLoginRequest().subscribeOn(Schedulers.parallel()).subscribe();
			long until = System.nanoTime() + (i % 50) * 20_000L;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			call.dispose();
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			int created = this.lime.requests().count(Endpoint.CREATE_LOGIN_REQUEST);
			assertThat(created).isPositive();
			assertThat(pending.pending().count().block()).isEqualTo(created);
		});
		assertThat(this.lettuce.dropped()).isEmpty();
	}

}
