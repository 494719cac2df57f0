package io.github.agentprotocols.happy.test.context;

import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.testsupport.FakeServerResetListener;

/**
 * Turns every fault of the {@link FakeHappyServer} of an
 * {@link AutoConfigureFakeHappyServer} test off before each test method (as
 * {@code FakeHappyServerExtension} does).
 */
class FakeHappyServerResetTestExecutionListener extends FakeServerResetListener<FakeHappyServer> {

	FakeHappyServerResetTestExecutionListener() {
		super(AutoConfigureFakeHappyServer.class, FakeHappyServerInitializer.SERVER_BEAN_NAME, FakeHappyServer.class,
				FakeHappyServer::reset);
	}

}
