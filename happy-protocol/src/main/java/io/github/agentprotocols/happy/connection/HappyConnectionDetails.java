package io.github.agentprotocols.happy.connection;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for a connection to a Happy server: where it is and the account's credentials.
 * A bean of this type replaces the {@code happy.server-url}, {@code happy.token} and
 * {@code happy.secret} properties (and the key files they point to), as a test kit's fake
 * server offers one.
 */
public interface HappyConnectionDetails extends ConnectionDetails {

	/**
	 * URL of the Happy server.
	 * @return the URL, or {@code null} for the hosted server the official CLIs use
	 */
	@Nullable String getServerUrl();

	/**
	 * Bearer token of the account.
	 * @return the token, or {@code null} to obtain one by the signed challenge with the
	 * account's master secret
	 */
	@Nullable String getToken();

	/**
	 * Base64 of the 32-byte secret: the account's master secret, or a machine key.
	 * @return the secret
	 */
	String getSecret();

}
