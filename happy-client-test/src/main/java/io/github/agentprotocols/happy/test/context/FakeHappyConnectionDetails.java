package io.github.agentprotocols.happy.test.context;

import io.github.agentprotocols.happy.autoconfigure.HappyConnectionDetails;

/**
 * {@link HappyConnectionDetails} pointing a client at a fake Happy server as a test
 * account.
 *
 * @param getServerUrl the server's URL
 * @param getToken the account's token
 * @param getSecret base64 of the account's master secret
 */
record FakeHappyConnectionDetails(String getServerUrl, String getToken,
		String getSecret) implements HappyConnectionDetails {

}
