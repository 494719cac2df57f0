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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.testsupport.SimulatedClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints of the {@link FakeLimeApi}: their answers and the order of their errors.
 */
class FakeLimeApiEndpointTests {

	private static final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-10T12:00:00Z"));

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension(
			(fake) -> fake.clock(clock).requestTtl(Duration.ofSeconds(60)));

	@Test
	void createAnswers201WithAPendingRequest(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String expiresAt = clock.instant().plusSeconds(60).toString().replace("Z", "+00:00");
		HttpResponse<String> created = site.createLoginRequest();
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode data = SiteClient.data(created);
		assertThat(data.get("login_request_id").asString()).startsWith("lr_");
		assertThat(data.get("status").asString()).isEqualTo("PENDING");
		assertThat(data.get("expires_at").asString()).isEqualTo(expiresAt);
		RecordedRequest recorded = fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST).get(0);
		assertThat(recorded.header("X-Site-Token")).isEqualTo(fake.siteToken());
		assertThat(recorded.body()).isEqualTo("{}");
	}

	@Test
	void siteTokenErrorsAre401Or403OnEverySiteEndpoint(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		for (String path : new String[] { "/modules/agent-login/requests/" + requestId,
				"/modules/agent-login/events" }) {
			assertError(site.get(path), 401, "SITE_TOKEN_MISSING");
			assertError(site.get(path, "X-Site-Token", "st_wrong"), 401, "SITE_TOKEN_INVALID");
		}
		assertError(site.post("/modules/agent-login/requests", null, "{}"), 401, "SITE_TOKEN_MISSING");
		assertError(site.post("/modules/agent-login/requests", "st_wrong", "{}"), 401, "SITE_TOKEN_INVALID");
		assertError(site.post("/modules/bindings/requests", "st_wrong", "{}"), 401, "SITE_TOKEN_INVALID");
		fake.suspendSite(true);
		assertError(site.createLoginRequest(), 403, "SITE_SUSPENDED");
		assertError(site.status(requestId), 403, "SITE_SUSPENDED");
		assertError(site.get("/modules/agent-login/events", "X-Site-Token", fake.siteToken()), 403, "SITE_SUSPENDED");
	}

	@Test
	void statusPollReportsTheRequestAnd404sForUnknownIds(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		JsonNode status = SiteClient.data(site.status(requestId));
		assertThat(status.get("request_id").asString()).isEqualTo(requestId);
		assertThat(status.get("status").asString()).isEqualTo("PENDING");
		assertError(site.status("lr_unknown"), 404, "SITE_LOGIN_REQUEST_NOT_FOUND");
	}

	@Test
	void challengeIsPublicAnd404sForUnknownIds(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		JsonNode challenge = SiteClient.data(site.get("/auth/requests/" + requestId));
		assertThat(challenge.get("request_id").asString()).isEqualTo(requestId);
		assertThat(challenge.get("status").asString()).isEqualTo("PENDING");
		assertThat(challenge.get("pow_challenge").asString()).hasSize(32);
		assertThat(challenge.get("pow_difficulty").asInt()).isEqualTo(8);
		assertThat(challenge.get("expires_at").asString()).isNotEmpty();
		assertError(site.get("/auth/requests/lr_unknown"), 404, "SITE_LOGIN_REQUEST_NOT_FOUND");
	}

	@Test
	void everyRequestGetsItsOwnChallenge(FakeLimeApi fake) throws Exception {
		String first = fake.createLoginRequestDirectly();
		String second = fake.createLoginRequestDirectly();
		assertThat(fake.agent().challenge(first).powChallenge())
			.isNotEqualTo(fake.agent().challenge(second).powChallenge());
	}

	@Test
	void approveChecksTheAgentTokenFirst(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		assertError(site.approve("lr_unknown", null, ""), 401, "MISSING_AGENT_TOKEN");
		assertError(site.approve("lr_unknown", "at_wrong", ""), 401, "INVALID_AGENT_TOKEN");
	}

	@Test
	void approveChecksTheRequestBeforeTheBody(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		assertError(site.approve("lr_unknown", fake.agentToken(), ""), 404, "SITE_LOGIN_REQUEST_NOT_FOUND");
	}

	@Test
	void approveWithoutANonceIsMissingPowNonce(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		assertError(site.approve(requestId, fake.agentToken(), "{}"), 400, "MISSING_POW_NONCE");
		assertError(site.approve(requestId, fake.agentToken(), "{\"pow_nonce\":null}"), 400, "MISSING_POW_NONCE");
	}

	@Test
	void approveWithAWrongNonceIsInvalidPowAndTheRequestStaysPending(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		String challenge = fake.agent().challenge(requestId).powChallenge();
		String wrong = wrongNonce(challenge, 8);
		assertError(site.approve(requestId, fake.agentToken(), "{\"pow_nonce\":\"" + wrong + "\"}"), 400,
				"INVALID_POW");
		assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.PENDING);
		assertThat(fake.agent().challenge(requestId).powChallenge()).isEqualTo(challenge);
		assertThat(fake.agent().approve(requestId)).containsEntry("request_id", requestId);
	}

	@Test
	void approveOfAnExpiredRequestIs410AfterThePowCheck(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		String challenge = fake.agent().challenge(requestId).powChallenge();
		clock.advance(Duration.ofSeconds(60));
		assertError(site.approve(requestId, fake.agentToken(), "{\"pow_nonce\":\"" + wrongNonce(challenge, 8) + "\"}"),
				400, "INVALID_POW");
		String nonce = ProofOfWork.solve(challenge, 8);
		assertError(site.approve(requestId, fake.agentToken(), "{\"pow_nonce\":\"" + nonce + "\"}"), 410,
				"REQUEST_EXPIRED");
		assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.EXPIRED);
	}

	@Test
	void approveOfAnApprovedRequestIs409(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		fake.agent().approve(requestId);
		String nonce = ProofOfWork.solve(fake.agent().challenge(requestId).powChallenge(), 8);
		assertError(site.approve(requestId, fake.agentToken(), "{\"pow_nonce\":\"" + nonce + "\"}"), 409,
				"SITE_LOGIN_CONFLICT");
	}

	@Test
	void approveAcceptsANumericNonce(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String requestId = fake.createLoginRequestDirectly();
		String nonce = ProofOfWork.solve(fake.agent().challenge(requestId).powChallenge(), 8);
		HttpResponse<String> approved = site.approve(requestId, fake.agentToken(), "{\"pow_nonce\":" + nonce + "}");
		assertThat(SiteClient.data(approved).get("status").asString()).isIn("APPROVED", "DELIVERED");
	}

	@Test
	void jwksIsEnvelopedByDefaultAndRawOnRequest(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		JsonNode enveloped = SiteClient.data(site.get("/core/.well-known/jwks.json"));
		JsonNode key = enveloped.get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.get("kid").asString()).isEqualTo(fake.signingKeyId());
		assertThat(key.get("use").asString()).isEqualTo("sig");
		assertThat(key.get("alg").asString()).isEqualTo("RS256");
		assertThat(key.get("e").asString()).isEqualTo("AQAB");
		assertThat(key.has("d")).isFalse();
		fake.jwksMode(JwksMode.RAW);
		try {
			JsonNode raw = SiteClient.json(site.get("/core/.well-known/jwks.json"));
			assertThat(raw.has("ok")).isFalse();
			assertThat(raw.get("keys")).isEqualTo(enveloped.get("keys"));
		}
		finally {
			fake.jwksMode(JwksMode.ENVELOPE);
		}
	}

	@Test
	void keyRotationPublishesANewKid(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String before = fake.signingKeyId();
		String rotated = fake.rotateSigningKey(true);
		assertThat(jwksKids(site)).containsExactly(before, rotated);
		String replaced = fake.rotateSigningKey(false);
		assertThat(jwksKids(site)).containsExactly(replaced);
		assertThat(fake.signingKeyId()).isEqualTo(replaced);
	}

	@Test
	void unknownPathsAre404InTheEnvelope(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		assertError(site.get("/nothing/here"), 404, "NOT_FOUND");
	}

	private static List<String> jwksKids(SiteClient site) throws Exception {
		JsonNode keys = SiteClient.data(site.get("/core/.well-known/jwks.json")).get("keys");
		List<String> kids = new ArrayList<>();
		keys.forEach((key) -> kids.add(key.get("kid").asString()));
		return kids;
	}

	private static String wrongNonce(String challenge, int difficulty) {
		for (int i = 0;; i++) {
			if (!ProofOfWork.isValid(challenge, "x" + i, difficulty)) {
				return "x" + i;
			}
		}
	}

	private static void assertError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = SiteClient.json(response);
		assertThat(body.get("ok").isBoolean()).isTrue();
		assertThat(body.get("ok").asBoolean()).isFalse();
		assertThat(body.get("error").get("code").asString()).isEqualTo(code);
		assertThat(body.get("error").get("message").asString()).isNotBlank();
	}

}
