package io.github.agentprotocols.lime.test.context;

import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.FakeServerResetListener;

/**
 * Resets the {@link FakeLimeApi} of an {@link AutoConfigureFakeLimeApi} test before each
 * test method: every fault off, the site un-suspended, the recorded requests forgotten
 * (as {@code FakeLimeApiExtension} does).
 */
class FakeLimeApiResetTestExecutionListener extends FakeServerResetListener<FakeLimeApi> {

	FakeLimeApiResetTestExecutionListener() {
		super(AutoConfigureFakeLimeApi.class, FakeLimeApiInitializer.FAKE_BEAN_NAME, FakeLimeApi.class,
				FakeLimeApi::reset);
	}

}
