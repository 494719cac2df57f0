package io.github.agentprotocols.lime.test.context;

import io.github.agentprotocols.lime.test.FakeLimeApi;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * A {@link TestExecutionListener} that resets the {@link FakeLimeApi} of an
 * {@link AutoConfigureFakeLimeApi} test before each test method: every fault off, the
 * site un-suspended, the recorded requests forgotten (as {@code FakeLimeApiExtension}
 * does).
 */
class FakeLimeApiResetTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				AutoConfigureFakeLimeApi.class) == null) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(FakeLimeApiInitializer.FAKE_BEAN_NAME)) {
			context.getBean(FakeLimeApiInitializer.FAKE_BEAN_NAME, FakeLimeApi.class).reset();
		}
	}

}
