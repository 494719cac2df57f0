package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.core.HappyCredentials;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application has Happy credentials: configured (even half of them,
 * which then fail the start-up with the missing property named), found in a default key
 * file, or given as a {@link HappyConnectionDetails} or {@link HappyCredentials} bean.
 */
class HappyCredentialsAvailableCondition extends AnyNestedCondition {

	HappyCredentialsAvailableCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(HappyCredentialsConfiguredCondition.class)
	static class Configured {

	}

	@ConditionalOnBean(HappyCredentials.class)
	static class Bean {

	}

	@ConditionalOnBean(HappyConnectionDetails.class)
	static class ConnectionDetailsBean {

	}

}
