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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fake records the newest requests it received, as many as its builder says, and
 * counts them all: a fake that serves for long (a demo application under load) keeps its
 * memory.
 */
class RecordedRequestsTests {

	@Test
	void theNewestRequestsAreKeptAndAllAreCounted() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().maxRecordedRequests(2).start()) {
			SiteClient site = new SiteClient(fake);
			for (int i = 0; i < 3; i++) {
				assertThat(site.createLoginRequest().statusCode()).isEqualTo(201);
			}
			assertThat(site.get("/core/.well-known/jwks.json").statusCode()).isEqualTo(200);

			assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isEqualTo(3);
			assertThat(fake.requests().count(Endpoint.JWKS)).isEqualTo(1);
			assertThat(fake.requests().all()).extracting(RecordedRequest::endpoint)
				.containsExactly(Endpoint.CREATE_LOGIN_REQUEST, Endpoint.JWKS);
			assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST)).hasSize(1);

			fake.requests().clear();
			assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isZero();
			assertThat(fake.requests().all()).isEmpty();
		}
	}

	@Test
	void noneKeptStillCounts() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().maxRecordedRequests(0).start()) {
			assertThat(new SiteClient(fake).createLoginRequest().statusCode()).isEqualTo(201);
			assertThat(fake.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isEqualTo(1);
			assertThat(fake.requests().all()).isEmpty();
		}
	}

	@Test
	void negativeLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLimeApi.builder().maxRecordedRequests(-1))
			.withMessageContaining("maxRecordedRequests");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeLimeApi.builder().requestRetention(Duration.ofSeconds(-1)))
			.withMessageContaining("requestRetention");
	}

}
