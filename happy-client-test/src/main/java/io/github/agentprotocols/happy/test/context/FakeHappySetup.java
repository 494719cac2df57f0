package io.github.agentprotocols.happy.test.context;

import java.util.Map;
import java.util.function.Consumer;

import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;

/**
 * The part of what {@link FakeHappyServerInitializer} runs that the Happy properties
 * point at: a started server and an account on it.
 *
 * @param server the server
 * @param account the account
 */
record FakeHappySetup(FakeHappyServer server, HappyTestAccount account) {

	static final String[] PROPERTIES = { "happy.server-url", "happy.token", "happy.secret" };

	static FakeHappySetup start(Consumer<FakeHappyServer.Builder> settings) {
		FakeHappyServer.Builder builder = FakeHappyServer.builder();
		settings.accept(builder);
		FakeHappyServer server = builder.start();
		return new FakeHappySetup(server, HappyTestAccount.issuedBy(server));
	}

	/**
	 * The Happy properties pointing a client at the server as the account.
	 * @return the properties
	 */
	Map<String, Object> properties() {
		return Map.of("happy.server-url", this.server.url(), "happy.token", this.account.token(), "happy.secret",
				this.account.secretBase64());
	}

}
