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

package io.github.agentprotocols.lime.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SpecItem("LIME-8.10")
class RetryRuleTests {

	@Test
	void idempotentCallsRetryTheRetryableStatusesAndEveryTransportFailure() {
		for (int status : new int[] { 408, 429, 500, 502, 503, 504 }) {
			assertThat(RetryRule.IDEMPOTENT.retries(status)).as("status %d", status).isTrue();
		}
		for (int status : new int[] { 400, 401, 403, 404, 409, 501 }) {
			assertThat(RetryRule.IDEMPOTENT.retries(status)).as("status %d", status).isFalse();
		}
		assertThat(RetryRule.IDEMPOTENT.retries(new TimeoutException())).isTrue();
		assertThat(RetryRule.IDEMPOTENT.retries(new IOException("Connection reset"))).isTrue();
	}

	@Test
	void createCallsRetryOnlyWhatProvesNothingWasCreated() {
		assertThat(RetryRule.CREATE.retries(408)).isTrue();
		assertThat(RetryRule.CREATE.retries(429)).isTrue();
		for (int status : new int[] { 500, 502, 503, 504, 400 }) {
			assertThat(RetryRule.CREATE.retries(status)).as("status %d", status).isFalse();
		}
		assertThat(RetryRule.CREATE.retries(new IOException("wrapped", new ConnectException("Connection refused"))))
			.isTrue();
		assertThat(RetryRule.CREATE.retries(new UnknownHostException("lime.invalid"))).isTrue();
		assertThat(RetryRule.CREATE.retries(new TimeoutException())).isFalse();
		assertThat(RetryRule.CREATE.retries(new IOException("Connection prematurely closed BEFORE response")))
			.isFalse();
	}

}
