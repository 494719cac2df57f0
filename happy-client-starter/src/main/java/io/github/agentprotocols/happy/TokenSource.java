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
