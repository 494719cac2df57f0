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

package io.github.agentprotocols.lime.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.lime.BindingRequest;
import io.github.agentprotocols.lime.FuzzSigningKey;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.memory.InMemoryPendingLoginRequests;
import io.github.agentprotocols.testsupport.SpecItem;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the answers of the LIME API, through {@link LimeSite} over a
 * {@link WebClient} whose exchange answers with them: a login request created, a login
 * request's status, a binding request created, and the JWKS the passport verifier
 * fetches. Every answer must give the call's result, fully formed, or a
 * {@link LimeException} (a passport's verification an {@link InvalidPassportException});
 * never another exception, and within a bound.
 * <p>
 * The input's first line names the call ({@code login}, {@code status}, {@code binding}
 * or {@code jwks}), the HTTP status and, optionally, a {@code Retry-After} value; the
 * rest is the body. Regression mode (the default) runs the inputs under
 * {@code src/test/resources/io/github/agentprotocols/lime/site/LimeApiAnswerFuzzTestsInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (contributing/fuzzing.md).
 */
@SpecItem("LIME-8.10")
class LimeApiAnswerFuzzTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

	private static final String[] CALLS = { "login", "status", "binding", "jwks" };

	/**
	 * A passport of LIME's key, signed once: RSA signatures are the fuzzer's slowest
	 * step.
	 */
	private static final String PASSPORT = FuzzSigningKey.login("lr_1", NOW);

	/**
	 * An answer of the LIME API.
	 * @param input the call, status and {@code Retry-After} on the first line, the body
	 * after it
	 */
	@FuzzTest
	@DictionaryEntries({ "{\"ok\":true,\"data\":{", "{\"ok\":false,\"error\":{", "\"code\":", "\"message\":",
			"\"detail\":", "\"login_request_id\":", "\"status\":", "\"expires_at\":", "\"binding_id\":",
			"\"connect_url\":", "\"keys\":[", "\"kty\":\"RSA\"", "\"kid\":", "\"use\":\"sig\"", "\"alg\":\"RS256\"",
			"\"n\":", "\"e\":\"AQAB\"", "\"PENDING\"", "\"RATE_LIMIT_EXCEEDED\"", "\"SITE_TOKEN_INVALID\"",
			"2026-06-15T10:02:00Z", "Mon, 15 Jun 2026 10:00:05 GMT" })
	void answers(byte[] input) {
		Answer answer = Answer.of(input);
		LimeSite site = LimeSite.builder()
			.siteToken("st_fuzz")
			.apiBase("https://lime.invalid/api/v1")
			.webClient(WebClient.builder().exchangeFunction((request) -> Mono.just(answer.response())).build())
			.timeout(BOUND)
			.maxRetries(0)
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.pendingRequests(new InMemoryPendingLoginRequests(Clock.fixed(NOW, ZoneOffset.UTC)))
			.build();
		try {
			switch (answer.call()) {
				case "login" -> {
					LoginRequest request = site.createLoginRequest().block(BOUND);
					assertThat(request).isNotNull();
					assertThat(request.requestId()).isNotBlank();
					assertThat(request.status()).isNotBlank();
					assertThat(request.expiresAt()).isNotNull();
				}
				case "status" -> {
					LoginStatus status = site.getLoginStatus("lr_1").block(BOUND);
					assertThat(status).isNotNull();
					assertThat(status.requestId()).isEqualTo("lr_1");
					assertThat(status.status()).isNotBlank();
				}
				case "binding" -> {
					BindingRequest binding = site.createBindingRequest(URI.create("https://site.example/bound"))
						.block(BOUND);
					assertThat(binding).isNotNull();
					assertThat(binding.bindingId()).isNotBlank();
					assertThat(binding.connectUrl()).isNotNull();
					assertThat(binding.expiresAt()).isNotNull();
				}
				default -> {
					try {
						Passport passport = site.verifyPassport(PASSPORT, "lr_1").block(BOUND);
						assertThat(passport).isNotNull();
						assertThat(passport.requestId()).isEqualTo("lr_1");
					}
					catch (InvalidPassportException ex) {
						// the JWKS did not hold the key, or could not be read
					}
				}
			}
		}
		catch (LimeException ex) {
			if (answer.call().equals("jwks")) {
				throw ex;
			}
		}
	}

	/**
	 * An answer, read from an input.
	 *
	 * @param call the call it answers
	 * @param status the HTTP status
	 * @param retryAfter the {@code Retry-After} header, or null
	 * @param body the body
	 */
	record Answer(String call, int status, @Nullable String retryAfter, byte[] body) {

		static Answer of(byte[] input) {
			int newline = indexOf(input, (byte) '\n');
			String line = new String(input, 0, (newline >= 0) ? newline : input.length, StandardCharsets.ISO_8859_1);
			byte[] body = (newline >= 0) ? Arrays.copyOfRange(input, newline + 1, input.length) : new byte[0];
			String[] words = line.trim().split(" +", 3);
			String call = Arrays.stream(CALLS)
				.filter((name) -> name.equals(words[0].toLowerCase(Locale.ROOT)))
				.findFirst()
				.orElse(CALLS[Math.floorMod(words[0].hashCode(), CALLS.length)]);
			int status = 200;
			if (words.length > 1) {
				try {
					status = Integer.parseInt(words[1]);
				}
				catch (NumberFormatException ex) {
					// keep 200
				}
			}
			status = (status >= 100 && status <= 599) ? status : 200;
			String retryAfter = (words.length > 2) ? visible(words[2]) : null;
			return new Answer(call, status, retryAfter, body);
		}

		ClientResponse response() {
			ClientResponse.Builder response = ClientResponse.create(HttpStatusCode.valueOf(this.status))
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			if (this.retryAfter != null) {
				response.header(HttpHeaders.RETRY_AFTER, this.retryAfter);
			}
			return response.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body.clone()))).build();
		}

		/**
		 * What an HTTP header value can hold: visible characters and spaces, as Netty
		 * reads them.
		 */
		private static @Nullable String visible(String value) {
			StringBuilder kept = new StringBuilder();
			for (char c : value.toCharArray()) {
				if (c == ' ' || c == '\t' || (c > 0x20 && c != 0x7F)) {
					kept.append(c);
				}
			}
			String trimmed = kept.toString().trim();
			return trimmed.isEmpty() ? null : trimmed;
		}

		private static int indexOf(byte[] bytes, byte b) {
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == b) {
					return i;
				}
			}
			return -1;
		}

	}

}
