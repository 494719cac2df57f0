package io.github.agentprotocols.happy.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code happy.*} properties or a default key file give credentials (see
 * {@link HappyPropertiesMapper#hasCredentials()}).
 */
class HappyCredentialsConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		HappyProperties properties = Binder.get(context.getEnvironment()).bindOrCreate("happy", HappyProperties.class);
		return new HappyPropertiesMapper(properties).hasCredentials()
				? ConditionOutcome.match("Happy credentials are configured")
				: ConditionOutcome.noMatch("No Happy credentials in happy.* properties or a default key file");
	}

}
