package io.github.agentprotocols.testsupport.architecturefixtures.unmarked;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Breaks three rules at once: its package has no package-info, it converts case without a
 * locale, and it declares a post processor with an instance method.
 */
@Configuration(proxyBeanMethods = false)
public class CaseConversion {

	String lower(String text) {
		return text.toLowerCase();
	}

	@Bean
	BeanPostProcessor instancePostProcessor() {
		return new BeanPostProcessor() {
		};
	}

}
