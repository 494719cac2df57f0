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

package io.github.agentprotocols.lime.observation;

import io.github.agentprotocols.lime.LimeApiException;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The observations of the calls to the LIME API, against the {@link FakeLimeApi}: named
 * per call, with the status of the last attempt, and the propagation headers a tracing
 * handler injects sent on every attempt.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeApiObservationTests {

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void loginRequestIsObservedAndEveryAttemptCarriesThePropagatedHeaders(FakeLimeApi fake) {
		this.registry.observationConfig().observationHandler(new PropagatingHandler());
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 429);
		site(fake).createLoginRequest().block();
		assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST)).hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("traceparent")).isEqualTo(TRACEPARENT));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.login.request")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("status", "201")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("uri", fake.baseUrl() + "/modules/agent-login/requests")
			.hasHighCardinalityKeyValue("lime.api.attempts", "2");
	}

	@Test
	void refusedLoginRequestIsObservedAsAnError(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 400);
		assertThatExceptionOfType(LimeApiException.class).isThrownBy(() -> site(fake).createLoginRequest().block());
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.login.request")
			.that()
			.hasBeenStopped()
			.hasError()
			.hasLowCardinalityKeyValue("status", "400")
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasHighCardinalityKeyValue("lime.api.attempts", "1");
	}

	@Test
	void callIsAChildOfTheObservationInTheReactorContext(FakeLimeApi fake) {
		String requestId = fake.createLoginRequestDirectly();
		Observation caller = Observation.start("caller", this.registry);
		site(fake).getLoginStatus(requestId)
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, caller))
			.block();
		caller.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.login.status")
			.that()
			.hasParentObservationEqualTo(caller)
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("status", "200");
	}

	private LimeSite site(FakeLimeApi fake) {
		return LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.observationRegistry(this.registry)
			.build();
	}

	/**
	 * Injects a trace header through the context's setter, as a tracing handler does.
	 */
	private static final class PropagatingHandler implements ObservationHandler<LimeApiObservationContext> {

		@Override
		public void onStart(LimeApiObservationContext context) {
			context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof LimeApiObservationContext;
		}

	}

}
