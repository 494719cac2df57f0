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

package io.github.agentprotocols.samples.showcase;

import io.github.agentprotocols.samples.acpchat.DemoAssistant;
import io.github.agentprotocols.samples.acpchat.SpringAiAssistantConfiguration;
import io.github.agentprotocols.samples.limelogin.AgentLoginController;
import io.github.agentprotocols.samples.limelogin.DemoAgentController;
import io.github.agentprotocols.samples.limelogin.PendingLogins;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A WebFlux application with all five protocol starters on embedded defaults, serving a
 * landing page at {@code /} that links each protocol's demo page and shows the
 * {@code agentProtocols} health live, the HPP form of {@code samples/hpp-form-fill} at
 * {@code /hpp-form-fill.html}, the LIME agent login demo of {@code samples/lime-login} at
 * {@code /lime-login.html}, and ACP's REST API under {@code /acp} and Socket.IO transport
 * for the demo users of {@link DemoAcpAuthenticator}, with the chat page, the
 * {@link DemoAssistant} and the Spring AI assistant
 * ({@link SpringAiAssistantConfiguration}) of {@code samples/acp-chat} at
 * {@code /acp-chat.html}, and a Happy page at {@code /happy.html}
 * ({@link HappyPageController}) that spawns agent sessions and shows their turns live, on
 * a fake Happy server and machine daemon in this process unless Happy credentials are
 * configured ({@link OfflineHappyInitializer}). ACP threads and HPP sessions are kept in
 * memory unless PostgreSQL ({@code spring.r2dbc.url}, the
 * {@code StoreSelectionInitializer} of {@code samples/acp-chat}) or Redis
 * ({@code hpp.store.type=redis}, {@link HppStoreSelectionInitializer}) is configured.
 */
@SpringBootApplication
@Import({ AgentLoginController.class, DemoAgentController.class, PendingLogins.class, DemoAcpAuthenticator.class,
		DemoAssistant.class, SpringAiAssistantConfiguration.class })
public class ShowcaseApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShowcaseApplication.class, args);
	}

}
