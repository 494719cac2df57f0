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
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole login against the {@link FakeLimeApi} over real HTTP.
 */
class FakeLimeApiLoginTests {

	private FakeLimeApi fake;

	private SiteClient site;

	@BeforeEach
	void startFake() {
		this.fake = FakeLimeApi.builder().keepAliveInterval(Duration.ofMillis(100)).start();
		this.site = new SiteClient(this.fake);
	}

	@AfterEach
	void closeFake() {
		this.fake.close();
	}

	@Test
	void approvedLoginPushesAPassportThatVerifiesAgainstTheServedJwks() throws Exception {
		try (SiteClient.Events events = this.site.events()) {
			assertThat(events.status()).isEqualTo(200);
			HttpResponse<String> created = this.site.createLoginRequest();
			assertThat(created.statusCode()).isEqualTo(201);
			JsonNode request = SiteClient.data(created);
			String requestId = request.get("login_request_id").asString();
			assertThat(request.get("status").asString()).isEqualTo("PENDING");
			Map<String, Object> approval = this.fake.agent().approve(requestId);
			assertThat(approval).containsEntry("request_id", requestId)
				.containsEntry("site_id", this.fake.siteId())
				.containsEntry("status", "DELIVERED")
				.containsEntry("approved_agent_id", this.fake.agentId())
				.containsKey("expires_at");
			JsonNode approved = events.nextEvent();
			assertThat(approved.get("type").asString()).isEqualTo("approved");
			assertThat(approved.get("login_request_id").asString()).isEqualTo(requestId);
			assertThat(approved.get("status").asString()).isEqualTo("approved");
			JWTClaimsSet claims = verify(approved.get("agent_passport_jwt").asString());
			assertThat(claims.getAudience()).containsExactly("lime-site-login");
			assertThat(claims.getSubject()).isEqualTo(this.fake.agentId());
			assertThat(claims.getStringClaim("request_id")).isEqualTo(requestId);
			assertThat(this.fake.status(requestId)).isEqualTo(LoginRequestStatus.DELIVERED);
		}
	}

	private JWTClaimsSet verify(String jwt) throws Exception {
		JsonNode jwks = SiteClient.data(this.site.get("/core/.well-known/jwks.json"));
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
				new ImmutableJWKSet<>(JWKSet.parse(jwks.toString()))));
		return processor.process(jwt, null);
	}

}
