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

package io.github.agentprotocols.happy.test.context;

import java.util.Map;
import java.util.function.Consumer;

import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;

/**
 * The part of what {@link FakeHappyServerInitializer} runs that the Happy properties
 * point at: a started server and an account on it.
 *
 * @param server the server
 * @param account the account
 */
record FakeHappySetup(FakeHappyServer server, HappyTestAccount account) {

	static final String[] PROPERTIES = { "happy.server-url", "happy.token", "happy.secret" };

	static FakeHappySetup start(Consumer<FakeHappyServer.Builder> settings) {
		FakeHappyServer.Builder builder = FakeHappyServer.builder();
		settings.accept(builder);
		FakeHappyServer server = builder.start();
		return new FakeHappySetup(server, HappyTestAccount.issuedBy(server));
	}

	/**
	 * The Happy properties pointing a client at the server as the account.
	 * @return the properties
	 */
	Map<String, Object> properties() {
		return Map.of("happy.server-url", this.server.url(), "happy.token", this.account.token(), "happy.secret",
				this.account.secretBase64());
	}

}
