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

package io.github.agentprotocols.happy;

import java.time.Duration;

import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.crypto.AccountIdentity;
import io.github.agentprotocols.happy.crypto.AuthChallenge;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The client's bearer token: the configured one, or one obtained once by the signed
 * challenge of spec §2.2 when the credentials hold only a master secret.
 */
final class TokenSource {

	private final HappyCredentials credentials;

	private volatile @Nullable Mono<String> obtained;

	TokenSource(HappyCredentials credentials) {
		this.credentials = credentials;
	}

	/**
	 * Obtain the token through this REST client when none is configured.
	 * @param rest the REST client
	 */
	void obtainWith(HappyRestClient rest) {
		this.obtained = Mono
			.defer(() -> rest
				.authenticate(AuthChallenge.sign(AccountIdentity.fromMasterSecret(this.credentials.secret()))))
			.cache((token) -> Duration.ofMillis(Long.MAX_VALUE), (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	/**
	 * The token.
	 * @return the configured token, else the obtained one
	 */
	Mono<String> token() {
		return Mono.defer(() -> {
			String token = this.credentials.token();
			if (token != null) {
				return Mono.just(token);
			}
			Mono<String> obtained = this.obtained;
			return (obtained != null) ? obtained
					: Mono.error(new HappyAuthenticationException("No Happy token is configured"));
		});
	}

}
