/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.autoconfigure.AcpProperties.ApplicationPort;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches where Socket.IO on the application's port is served in place
 * ({@code acp.socketio.application-port}): when set to {@code in-place}, or when unset
 * and no Spring Security WebFilter chain runs, whose rules on the Engine.IO paths a
 * request served in place would pass unseen.
 */
class SocketIoInPlaceCondition extends SpringBootCondition {

	private static final String PROPERTY = "acp.socketio.application-port";

	private static final String SECURITY_CHAIN = "org.springframework.security.web.server.WebFilterChainProxy";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ApplicationPort serving = Binder.get(context.getEnvironment())
			.bind(PROPERTY, ApplicationPort.class)
			.orElse(null);
		if (serving != null) {
			return new ConditionOutcome(serving == ApplicationPort.IN_PLACE, PROPERTY + " is " + serving);
		}
		return securityChain(context.getBeanFactory(), context.getClassLoader())
				? ConditionOutcome.noMatch(PROPERTY + " unset and Spring Security's WebFilter chain runs")
				: ConditionOutcome.match(PROPERTY + " unset and no Spring Security WebFilter chain");
	}

	private static boolean securityChain(ConfigurableListableBeanFactory beans, ClassLoader classLoader) {
		if (beans == null || !ClassUtils.isPresent(SECURITY_CHAIN, classLoader)) {
			return false;
		}
		return beans.getBeanNamesForType(ClassUtils.resolveClassName(SECURITY_CHAIN, classLoader), true,
				false).length > 0;
	}

}
