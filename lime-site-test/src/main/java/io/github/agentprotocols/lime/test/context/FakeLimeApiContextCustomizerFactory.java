package io.github.agentprotocols.lime.test.context;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * A {@link ContextCustomizerFactory} that runs a fake LIME API for test classes annotated
 * (or meta-annotated, or enclosed by a class annotated) with
 * {@link AutoConfigureFakeLimeApi}.
 */
class FakeLimeApiContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakeLimeApi settings = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakeLimeApi.class);
		return (settings != null) ? FakeLimeApiContextCustomizer.of(settings) : null;
	}

}
