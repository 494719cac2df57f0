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

import io.github.agentprotocols.acp.autoconfigure.AcpProperties.WebSocketUpgrade;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches where a Socket.IO WebSocket opened on the application's port is served in
 * place: {@code acp.socketio.websocket-upgrade=in-place}, or the property unset and no
 * Spring Security {@code WebFilterChainProxy} filtering the port (its rules would not see
 * the WebSocket's upgrade in place, so that an application adding Spring Security keeps
 * them on the bridge until it chooses).
 */
class WebSocketsInPlaceCondition extends SpringBootCondition {

	private static final String PROPERTY = "acp.socketio.websocket-upgrade";

	private static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.server.WebFilterChainProxy";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		WebSocketUpgrade upgrade = Binder.get(context.getEnvironment())
			.bind(PROPERTY, WebSocketUpgrade.class)
			.orElse(null);
		if (upgrade != null) {
			return new ConditionOutcome(upgrade == WebSocketUpgrade.IN_PLACE, PROPERTY + " is " + upgrade);
		}
		if (hasSecurityFilterChain(context)) {
			return ConditionOutcome
				.noMatch(PROPERTY + " is not set and Spring Security's WebFilterChainProxy filters the port");
		}
		return ConditionOutcome.match(PROPERTY + " is not set and no Spring Security filter chain runs");
	}

	private static boolean hasSecurityFilterChain(ConditionContext context) {
		ClassLoader classLoader = context.getClassLoader();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory == null || !ClassUtils.isPresent(SECURITY_FILTER_CHAIN, classLoader)) {
			return false;
		}
		Class<?> chain = ClassUtils.resolveClassName(SECURITY_FILTER_CHAIN, classLoader);
		return beanFactory.getBeanNamesForType(chain, true, false).length > 0;
	}

}
