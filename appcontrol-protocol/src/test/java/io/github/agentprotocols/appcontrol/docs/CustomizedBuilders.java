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

package io.github.agentprotocols.appcontrol.docs;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

import io.github.agentprotocols.appcontrol.autoconfigure.AppControlServiceHostBuilderCustomizer;
import io.github.agentprotocols.appcontrol.autoconfigure.HttpAppControlClientBuilderCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example of docs/reference/appcontrol.md that changes one option of each
 * auto-configured builder and keeps the rest.
 */
// tag::builder-customizers[]
@Configuration(proxyBeanMethods = false)
class CustomizedBuilders {

	@Bean
	AppControlServiceHostBuilderCustomizer longerCommands() {
		return (builder) -> builder.commandTimeout(Duration.ofMinutes(10));
	}

	@Bean
	HttpAppControlClientBuilderCustomizer throughTheProxy() {
		return (builder) -> builder.httpClient(
				HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("proxy.internal", 3128))).build());
	}

}
// end::builder-customizers[]
