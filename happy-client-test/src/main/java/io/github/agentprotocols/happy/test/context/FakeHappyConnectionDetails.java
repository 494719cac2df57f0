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

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;

import org.springframework.core.env.Environment;

/**
 * {@link HappyConnectionDetails} pointing a client at a fake Happy server as a test
 * account: what the {@code happy.*} properties say, so that a test's own overrides still
 * apply, else the fake's values.
 */
final class FakeHappyConnectionDetails implements HappyConnectionDetails {

	private final FakeHappySetup setup;

	private final Environment environment;

	FakeHappyConnectionDetails(FakeHappySetup setup, Environment environment) {
		this.setup = setup;
		this.environment = environment;
	}

	@Override
	public String getServerUrl() {
		return this.environment.getProperty("happy.server-url", this.setup.server().url());
	}

	@Override
	public String getToken() {
		return this.environment.getProperty("happy.token", this.setup.account().token());
	}

	@Override
	public String getSecret() {
		return this.environment.getProperty("happy.secret", this.setup.account().secretBase64());
	}

}
