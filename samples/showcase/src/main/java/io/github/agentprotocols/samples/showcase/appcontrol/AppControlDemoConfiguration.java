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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.time.Duration;

import io.github.agentprotocols.appcontrol.client.AppControlClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The showcase's {@link AppControlClient}: the {@link DemoDesktopClient}, which the local
 * service host ({@code app-control.service.enabled=true}) runs the commands it is sent
 * on. {@code showcase.app-control.event-interval} (100 ms by default) paces its events.
 */
@Configuration(proxyBeanMethods = false)
class AppControlDemoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AppControlClient.class)
	DemoDesktopClient demoDesktopClient(@Value("${showcase.app-control.event-interval:100ms}") Duration eventInterval) {
		return new DemoDesktopClient(eventInterval);
	}

}
