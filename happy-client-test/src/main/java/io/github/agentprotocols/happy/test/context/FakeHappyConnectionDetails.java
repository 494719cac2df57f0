package io.github.agentprotocols.happy.test.context;

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;

import org.springframework.core.env.Environment;

/**
 * {@link HappyConnectionDetails} pointing a client at a fake Happy server as a test
 * account: what the {@code happy.*} properties say, so that a test's own overrides still
 * apply, else the fake's values.
 */
final class FakeHappyConnectionDetails implements HappyConnectionDetails {

	private final FakeHappySetup setup;

	private final Environment environment;

	FakeHappyConnectionDetails(FakeHappySetup setup, Environment environment) {
		this.setup = setup;
		this.environment = environment;
	}

	@Override
	public String getServerUrl() {
		return this.environment.getProperty("happy.server-url", this.setup.server().url());
	}

	@Override
	public String getToken() {
		return this.environment.getProperty("happy.token", this.setup.account().token());
	}

	@Override
	public String getSecret() {
		return this.environment.getProperty("happy.secret", this.setup.account().secretBase64());
	}

}
