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

package io.github.agentprotocols.lime.test;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.agentprotocols.lime.test.RawEventStream.Ending;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault knob of the {@link FakeLimeApi} does what it says.
 */
class FakeLimeFaultsTests {

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension(
			(fake) -> fake.keepAliveInterval(Duration.ofHours(1)));

	@Test
	void failNextAnswersTheStatusThatManyTimesThenSucceeds(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 2, 503);
		HttpResponse<String> first = site.createLoginRequest();
		HttpResponse<String> second = site.createLoginRequest();
		HttpResponse<String> third = site.createLoginRequest();
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(errorCode(first)).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(third.statusCode()).isEqualTo(201);
		assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isEqualTo(3);
	}

	@Test
	void injected429CarriesTheConfiguredRetryAfter(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		fake.faults().retryAfter(Duration.ofSeconds(7)).failNext(Endpoint.JWKS, 1, 429);
		HttpResponse<String> limited = site.get("/core/.well-known/jwks.json");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(errorCode(limited)).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(site.get("/core/.well-known/jwks.json").statusCode()).isEqualTo(200);
	}

	@Test
	void injected408HasNoRetryAfter(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 408);
		HttpResponse<String> timeout = site.createLoginRequest();
		assertThat(timeout.statusCode()).isEqualTo(408);
		assertThat(timeout.headers().firstValue("Retry-After")).isEmpty();
		assertThat(errorCode(timeout)).isEqualTo("REQUEST_TIMEOUT");
	}

	@Test
	void failNextWithStatus200GivesAnOkFalseBody(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 200, "INVALID_REQUEST");
		HttpResponse<String> response = site.createLoginRequest();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SiteClient.json(response).get("ok").asBoolean()).isFalse();
		assertThat(errorCode(response)).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void htmlErrorBodiesReplaceTheEnvelopeOnEveryError(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		fake.faults().htmlErrorBodies(true).failNext(Endpoint.CREATE_LOGIN_REQUEST, 1, 502);
		HttpResponse<String> injected = site.createLoginRequest();
		HttpResponse<String> real = site.post("/modules/agent-login/requests", "st_wrong", "{}");
		assertThat(injected.statusCode()).isEqualTo(502);
		assertThat(injected.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(injected.body()).startsWith("<html>").contains("502 Bad Gateway");
		assertThat(real.statusCode()).isEqualTo(401);
		assertThat(real.body()).startsWith("<html>");
	}

	@Test
	void streamConnectsCanBeRejected(FakeLimeApi fake) throws Exception {
		fake.faults().failNext(Endpoint.EVENTS, 1, 401).failNext(Endpoint.EVENTS, 1, 401);
		try (RawEventStream rejected = RawEventStream.open(fake)) {
			assertThat(rejected.status()).isEqualTo(401);
		}
		fake.faults().failNext(Endpoint.EVENTS, 1, 503);
		try (RawEventStream unavailable = RawEventStream.open(fake)) {
			assertThat(unavailable.status()).isEqualTo(503);
			assertThat(unavailable.header("retry-after")).isEqualTo("1");
		}
		try (RawEventStream accepted = RawEventStream.open(fake)) {
			assertThat(accepted.status()).isEqualTo(200);
		}
		assertThat(fake.requests().count(Endpoint.EVENTS)).isEqualTo(3);
	}

	@Test
	void dropStreamsAfterClosesTheConnectionWithoutTheFinalChunk(FakeLimeApi fake) throws Exception {
		fake.faults().dropStreamsAfter(1, false);
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.emitExpired("lr_1");
			assertThat(stream.ending()).isEqualTo(Ending.DROPPED);
			assertThat(stream.text()).isEqualTo("data: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n\n");
		}
	}

	@Test
	void dropStreamsAfterWritesTheFramesBeforeTheDropEveryTime(FakeLimeApi fake) throws Exception {
		fake.faults().dropStreamsAfter(1, false);
		for (int i = 0; i < 50; i++) {
			try (RawEventStream stream = RawEventStream.open(fake)) {
				fake.faults().sendFrame("{\"n\":" + i + "}");
				assertThat(stream.ending()).isEqualTo(Ending.DROPPED);
				assertThat(stream.text()).isEqualTo("data: {\"n\":" + i + "}\n\n");
			}
		}
	}

	@Test
	void dropStreamsAfterCanLeaveAPartialFrame(FakeLimeApi fake) throws Exception {
		fake.faults().dropStreamsAfter(0, true);
		try (RawEventStream stream = RawEventStream.open(fake)) {
			assertThat(stream.ending()).isEqualTo(Ending.DROPPED);
			assertThat(stream.text()).startsWith("data: {").doesNotContain("\n");
		}
	}

	@Test
	void endStreamsAfterEndsTheResponseCleanly(FakeLimeApi fake) throws Exception {
		fake.faults().endStreamsAfter(2);
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.emitExpired("lr_1");
			fake.emitExpired("lr_2");
			assertThat(stream.ending()).isEqualTo(Ending.CLEAN);
			assertThat(stream.text()).contains("lr_1").contains("lr_2");
		}
	}

	@Test
	void badFramesAreWrittenVerbatim(FakeLimeApi fake) throws Exception {
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.faults().sendMalformedJson();
			fake.faults().sendApprovedWithoutJwt("lr_1");
			fake.faults().sendUnknownType("lr_2");
			fake.faults().sendErrorFrame("CHANNEL_DOWN", "redis unavailable");
			assertThat(Json.parseOrNull(stream.nextData())).isNull();
			assertThat(stream.nextData())
				.isEqualTo("{\"type\":\"approved\",\"login_request_id\":\"lr_1\",\"status\":\"approved\"}");
			assertThat(stream.nextData()).isEqualTo("{\"type\":\"challenge\",\"login_request_id\":\"lr_2\"}");
			assertThat(stream.nextData())
				.isEqualTo("{\"type\":\"error\",\"code\":\"CHANNEL_DOWN\",\"message\":\"redis unavailable\"}");
		}
	}

	@Test
	void bytesAreWrittenVerbatim(FakeLimeApi fake) throws Exception {
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.faults().sendBytes(new byte[] { 'd', 'a', 't', 'a', ':', ' ', (byte) 0xC3, '(', '\n', '\n' });
			assertThat(stream.nextChunk()).isEqualTo("data: \uFFFD(\n\n");
		}
	}

	@Test
	void injected401OnApproveIsAnAgentTokenError(FakeLimeApi fake) throws Exception {
		fake.faults().failNext(Endpoint.APPROVE, 1, 401);
		HttpResponse<String> response = new SiteClient(fake).approve("lr_1", fake.agentToken(), "{}");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(errorCode(response)).isEqualTo("INVALID_AGENT_TOKEN");
	}

	@Test
	void splitFramesWritesAFrameInThreeChunks(FakeLimeApi fake) throws Exception {
		fake.faults().splitFrames(true);
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.emitExpired("lr_1");
			String frame = stream.nextChunk() + stream.nextChunk() + stream.nextChunk();
			assertThat(frame).isEqualTo("data: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n\n");
		}
	}

	@Test
	void severalFramesPerChunkPutsKeepalivesAroundAnEventInOneChunk(FakeLimeApi fake) throws Exception {
		fake.faults().severalFramesPerChunk(true);
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.emitExpired("lr_1");
			assertThat(stream.nextChunk()).isEqualTo("data: {\"type\":\"keepalive\"}\n\n"
					+ "data: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n\ndata: {\"type\":\"keepalive\"}\n\n");
		}
	}

	@Test
	void crlfLineEndingsEndEveryLineWithCrLf(FakeLimeApi fake) throws Exception {
		fake.faults().crlfLineEndings(true);
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.emitExpired("lr_1");
			assertThat(stream.nextChunk())
				.isEqualTo("data: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\r\n\r\n");
		}
	}

	@Test
	void duplicateDeliveryWritesEveryEventTwice(FakeLimeApi fake) throws Exception {
		fake.faults().duplicateDelivery(true);
		try (RawEventStream stream = RawEventStream.open(fake)) {
			fake.emitExpired("lr_1");
			String frame = "data: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n\n";
			assertThat(stream.nextChunk()).isEqualTo(frame + frame);
		}
	}

	@Test
	void silentStreamsSendNoKeepalives(FakeLimeApi fake) throws Exception {
		try (FakeLimeApi chatty = FakeLimeApi.builder().keepAliveInterval(Duration.ofMillis(5)).start()) {
			chatty.faults().silentStreams(true);
			try (RawEventStream stream = RawEventStream.open(chatty)) {
				Thread.sleep(100);
				chatty.emitExpired("lr_1");
				assertThat(stream.nextChunk()).contains("lr_1");
			}
		}
	}

	@Test
	void jwksUnavailableAnswers503(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		fake.faults().jwksUnavailable(true);
		assertThat(site.get("/core/.well-known/jwks.json").statusCode()).isEqualTo(503);
		fake.faults().jwksUnavailable(false);
		assertThat(site.get("/core/.well-known/jwks.json").statusCode()).isEqualTo(200);
	}

	@Test
	void resetTurnsEveryKnobOff(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		fake.faults().failNext(Endpoint.CREATE_LOGIN_REQUEST, 5, 503).htmlErrorBodies(true).jwksUnavailable(true);
		fake.faults().reset();
		assertThat(site.createLoginRequest().statusCode()).isEqualTo(201);
		assertThat(site.get("/core/.well-known/jwks.json").statusCode()).isEqualTo(200);
	}

	private static String errorCode(HttpResponse<String> response) {
		JsonNode body = SiteClient.json(response);
		assertThat(body.get("ok").asBoolean()).isFalse();
		return body.get("error").get("code").asString();
	}

}
