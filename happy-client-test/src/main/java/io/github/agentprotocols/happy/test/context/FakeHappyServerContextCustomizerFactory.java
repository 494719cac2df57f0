package io.github.agentprotocols.happy.test.context;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * A {@link ContextCustomizerFactory} that runs a fake Happy server for test classes
 * annotated (or meta-annotated, or enclosed by a class annotated) with
 * {@link AutoConfigureFakeHappyServer}.
 */
class FakeHappyServerContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakeHappyServer settings = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakeHappyServer.class);
		return (settings != null) ? FakeHappyServerContextCustomizer.of(settings) : null;
	}

}
