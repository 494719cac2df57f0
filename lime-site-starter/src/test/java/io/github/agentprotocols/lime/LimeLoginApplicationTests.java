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

package io.github.agentprotocols.lime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A whole LIME agent login in a Spring Boot application, over real HTTP against the fake
 * LIME API: the starter's beans create the request, the test kit's agent approves it with
 * the proof-of-work, and the passport reaches the {@link LimeLoginHandler} beans and the
 * {@code @EventListener}s.
 */
@SpringBootTest(classes = LimeLoginApplicationTests.LoginApplication.class, webEnvironment = WebEnvironment.NONE)
@DirtiesContext
class LimeLoginApplicationTests {

	private static final Duration DELIVERY = Duration.ofSeconds(10);

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension();

	@DynamicPropertySource
	static void lime(DynamicPropertyRegistry registry) {
		registry.add("lime.site.api-base", () -> lime.fake().baseUrl());
		registry.add("lime.site.token", () -> lime.fake().siteToken());
	}

	@Autowired
	LimeSite site;

	@Autowired
	LimeEventDispatcher dispatcher;

	@Autowired
	Deliveries deliveries;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void streamIsOpen() {
		await().atMost(DELIVERY).until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
		this.deliveries.clear();
	}

	@Test
	@SpecItem("LIME-7.full_mock_flow_with_on_login")
	@SpecItem("LIME-8.9")
	@SpecItem("LIME-7.on_login_decorator_registers_handler")
	void approvedLoginReachesHandlersThenListenersAndItsPassportVerifiesOnce() throws InterruptedException {
		LoginRequest request = this.site.createLoginRequest().block();
		lime.fake().agent().approve(request.requestId());

		Delivery delivered = this.deliveries.next();
		assertThat(delivered.by()).isEqualTo("first handler");
		assertThat(delivered.requestId()).isEqualTo(request.requestId());
		assertThat(delivered.passportJwt()).isNotBlank();
		assertThat(this.deliveries.next()).isEqualTo(delivered.from("second handler"));
		assertThat(this.deliveries.next()).isEqualTo(delivered.from("approved listener"));

		Passport passport = this.site.verifyPassport(delivered.passportJwt(), request.requestId()).block();
		assertThat(passport.requestId()).isEqualTo(request.requestId());
		assertThat(passport.agentId()).isEqualTo(lime.fake().agentId());
		assertThatExceptionOfType(PassportReplayedException.class)
			.isThrownBy(() -> this.site.verifyPassport(delivered.passportJwt(), request.requestId()).block());
		assertThat(this.meters.get("lime.passports").tag("outcome", "valid").counter().count()).isOne();
		assertThat(this.meters.get("lime.passports").tag("outcome", "replayed").counter().count()).isOne();
		assertThat(this.meters.get("lime.events").tag("type", "approved").counter().count()).isOne();
	}

	@Test
	@SpecItem("LIME-7.expired_passport_none")
	void expiredLoginReachesHandlersWithoutPassportAndListenersAsExpiry() throws InterruptedException {
		LoginRequest request = this.site.createLoginRequest().block();
		lime.fake().expire(request.requestId());

		assertThat(this.deliveries.next()).isEqualTo(new Delivery("first handler", request.requestId(), null));
		assertThat(this.deliveries.next()).isEqualTo(new Delivery("second handler", request.requestId(), null));
		assertThat(this.deliveries.next()).isEqualTo(new Delivery("expired listener", request.requestId(), null));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LoginApplication {

		@Bean
		Deliveries deliveries() {
			return new Deliveries();
		}

		@Bean
		@Order(2)
		LimeLoginHandler secondHandler(Deliveries deliveries) {
			return (requestId, passportJwt) -> deliveries.add(new Delivery("second handler", requestId, passportJwt));
		}

		@Bean
		@Order(1)
		LimeLoginHandler firstHandler(Deliveries deliveries) {
			return (requestId, passportJwt) -> deliveries.add(new Delivery("first handler", requestId, passportJwt));
		}

		@Bean
		LoginListener loginListener(Deliveries deliveries) {
			return new LoginListener(deliveries);
		}

	}

	static class LoginListener {

		private final Deliveries deliveries;

		LoginListener(Deliveries deliveries) {
			this.deliveries = deliveries;
		}

		@EventListener
		void approved(LimeLoginApprovedEvent event) {
			this.deliveries.add(new Delivery("approved listener", event.requestId(), event.passportJwt()));
		}

		@EventListener
		void expired(LimeLoginExpiredEvent event) {
			this.deliveries.add(new Delivery("expired listener", event.requestId(), null));
		}

	}

	record Delivery(String by, String requestId, @Nullable String passportJwt) {

		Delivery from(String other) {
			return new Delivery(other, this.requestId, this.passportJwt);
		}

	}

	static class Deliveries {

		private final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();

		private final List<Delivery> all = new CopyOnWriteArrayList<>();

		void add(Delivery delivery) {
			this.all.add(delivery);
			this.queue.add(delivery);
		}

		Delivery next() throws InterruptedException {
			Delivery next = this.queue.poll(DELIVERY.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(next).as("a delivery within " + DELIVERY + " after " + this.all).isNotNull();
			return next;
		}

		void clear() {
			this.queue.clear();
			this.all.clear();
		}

	}

}
