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

import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing on, an agent's action on a running server is a span of the server
 * request's trace, and the paced delivery of its events a child of the action.
 */
@SpringBootTest(classes = { HppTestApplication.class, HppSpanTreeTests.Tracing.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class HppSpanTreeTests extends RunningServerTests {

	static final RecordedSpans spans = RecordedSpans.start();

	@AfterAll
	static void stopRecording() {
		spans.close();
	}

	@Test
	void actionIsAChildOfTheServerRequestAndItsDeliveryOfTheAction() {
		Session session = create("{}");
		Reply reply = this.http.post("/handshake/action/" + session.sid(), session.token(),
				"{\"actions\": [{\"type\": \"set\", \"key\": \"name\", \"value\": \"Ada\"}], \"intervalMs\": 0}");
		assertThat(reply.status()).isEqualTo(200);
		SpanData action = spans.awaitSpan("hpp action");
		SpanData server = spans.awaitSpan("the server span of the action",
				(span) -> span.getKind() == SpanKind.SERVER && span.getSpanId().equals(action.getParentSpanId()));
		spans.assertChildOf(action, server);
		assertThat(action.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("success");
		assertThat(action.getAttributes().get(AttributeKey.stringKey("hpp.session.id"))).isEqualTo(session.sid());
		spans.assertChildOf(spans.awaitSpan("hpp delivery"), action);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Tracing {

		@Bean
		ObservationRegistry observationRegistry() {
			return spans.observationRegistry();
		}

	}

}
