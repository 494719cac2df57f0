package io.github.agentprotocols.happy.test.context;

import io.github.agentprotocols.happy.test.FakeHappyServer;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * A {@link TestExecutionListener} that turns every fault of the {@link FakeHappyServer}
 * of an {@link AutoConfigureFakeHappyServer} test off before each test method (as
 * {@code FakeHappyServerExtension} does).
 */
class FakeHappyServerResetTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				AutoConfigureFakeHappyServer.class) == null) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(FakeHappyServerInitializer.SERVER_BEAN_NAME)) {
			context.getBean(FakeHappyServerInitializer.SERVER_BEAN_NAME, FakeHappyServer.class).reset();
		}
	}

}
