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

import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LimeApiException;
import io.github.agentprotocols.lime.LimeAuthenticationException;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LimeRateLimitException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LimeEnvelopeTests {

	@Test
	void successReturnsTheDataObjectWhateverTheStatus() {
		assertThat(LimeEnvelope.data(response(500, "{\"ok\":true,\"data\":{\"a\":1}}")).get("a").intValue())
			.isEqualTo(1);
	}

	@Test
	@SpecItem("LIME-7.invalid_json_raises")
	void bodyThatIsNotJsonIsInvalidJsonWithTheStatus() {
		assertThatExceptionOfType(LimeException.class).isThrownBy(() -> LimeEnvelope.data(response(200, "<html>")))
			.withMessageContaining("Invalid JSON")
			.withMessageContaining("200")
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(200));
	}

	@Test
	void emptyBodyIsInvalidJson() {
		assertThatExceptionOfType(LimeException.class).isThrownBy(() -> LimeEnvelope.data(response(502, "")))
			.withMessageContaining("Invalid JSON");
	}

	@Test
	@SpecItem("LIME-7.unexpected_payload_shape")
	void jsonThatIsNotAnObjectIsAnUnexpectedShape() {
		assertThatExceptionOfType(LimeException.class).isThrownBy(() -> LimeEnvelope.data(response(200, "\"hi\"")))
			.withMessageContaining("Unexpected response shape");
		assertThatExceptionOfType(LimeException.class).isThrownBy(() -> LimeEnvelope.data(response(200, "[]")))
			.withMessageContaining("Unexpected response shape");
	}

	@Test
	@SpecItem("LIME-7.success_missing_data")
	void successWithoutADataObjectIsMissingData() {
		assertThatExceptionOfType(LimeException.class)
			.isThrownBy(() -> LimeEnvelope.data(response(200, "{\"ok\":true,\"data\":\"x\"}")))
			.withMessageContaining("missing data");
		assertThatExceptionOfType(LimeException.class)
			.isThrownBy(() -> LimeEnvelope.data(response(200, "{\"ok\":true}")))
			.withMessageContaining("missing data");
	}

	@Test
	void okMustBeTheJsonTrueLiteral() {
		assertThatExceptionOfType(LimeException.class)
			.isThrownBy(() -> LimeEnvelope.data(response(200, "{\"ok\":\"true\",\"data\":{}}")))
			.withMessageContaining("missing error object");
		assertThatExceptionOfType(LimeException.class)
			.isThrownBy(() -> LimeEnvelope.data(response(200, "{\"ok\":1,\"data\":{}}")))
			.withMessageContaining("missing error object");
	}

	@Test
	@SpecItem("LIME-7.error_missing_error_object")
	void errorWithoutAnErrorObjectIsMissingErrorObject() {
		assertThatExceptionOfType(LimeException.class)
			.isThrownBy(() -> LimeEnvelope.data(response(500, "{\"ok\":false}")))
			.withMessageContaining("missing error object")
			.satisfies((ex) -> assertThat(ex).isExactlyInstanceOf(LimeException.class));
	}

	@Test
	@SpecItem("LIME-7.api_error_mapping")
	void otherErrorsAreApiErrorsWithCodeStatusAndObjectDetail() {
		assertThatExceptionOfType(LimeApiException.class).isThrownBy(() -> LimeEnvelope.data(response(400,
				"{\"ok\":false,\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"bad\",\"detail\":{\"field\":\"x\"}}}")))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("INVALID_REQUEST");
				assertThat(ex.getHttpStatus()).isEqualTo(400);
				assertThat(ex.getDetail()).containsEntry("field", "x");
				assertThat(ex.getMessage()).contains("bad");
			});
	}

	@Test
	void missingCodeAndMessageGetDefaultsAndANonObjectDetailIsDropped() {
		assertThatExceptionOfType(LimeApiException.class)
			.isThrownBy(() -> LimeEnvelope.data(response(200, "{\"ok\":false,\"error\":{\"detail\":[1]}}")))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("UNKNOWN_ERROR");
				assertThat(ex.getMessage()).contains("Unknown error");
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getDetail()).isNull();
			});
	}

	@Test
	@SpecItem("LIME-7.rate_limit_error")
	void status429OrTheRateLimitCodeIsARateLimitErrorWithRetryAfter() {
		assertThatExceptionOfType(LimeRateLimitException.class)
			.isThrownBy(() -> LimeEnvelope.data(
					new LimeResponse(429, Duration.ofSeconds(7), "{\"ok\":false,\"error\":{\"code\":\"SLOW_DOWN\"}}")))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));
		assertThatExceptionOfType(LimeRateLimitException.class).isThrownBy(
				() -> LimeEnvelope.data(response(403, "{\"ok\":false,\"error\":{\"code\":\"RATE_LIMIT_EXCEEDED\"}}")));
	}

	@Test
	@SpecItem("LIME-7.authentication_error")
	@SpecItem("LIME-7.site_suspended_maps_to_auth")
	void status401OrASiteTokenCodeIsAnAuthenticationError() {
		assertThatExceptionOfType(LimeAuthenticationException.class)
			.isThrownBy(() -> LimeEnvelope.data(response(401, "{\"ok\":false,\"error\":{\"code\":\"ANYTHING\"}}")));
		for (String code : new String[] { "SITE_TOKEN_MISSING", "SITE_TOKEN_INVALID", "SITE_SUSPENDED" }) {
			assertThatExceptionOfType(LimeAuthenticationException.class)
				.isThrownBy(
						() -> LimeEnvelope.data(response(403, "{\"ok\":false,\"error\":{\"code\":\"" + code + "\"}}")))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(code));
		}
	}

	@Test
	void rateLimitWinsOverAuthentication() {
		assertThatExceptionOfType(LimeRateLimitException.class).isThrownBy(
				() -> LimeEnvelope.data(response(429, "{\"ok\":false,\"error\":{\"code\":\"SITE_TOKEN_INVALID\"}}")));
	}

	private static LimeResponse response(int status, String body) {
		return new LimeResponse(status, null, body);
	}

}
