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

package io.github.agentprotocols.lime.test.context;

import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.BackgroundStart;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@link LimeConnectionDetails} of a started fake: the way {@code @ServiceConnection}
 * plugs a service in, beside the properties of {@link FakeLimeApiInitializer}. Loaded
 * only where Spring Boot is on the class path.
 */
final class FakeLimeConnectionDetails implements LimeConnectionDetails {

	/** Name of the connection details bean. */
	static final String BEAN_NAME = "fakeLimeApiConnectionDetails";

	private final FakeLimeApi fake;

	private FakeLimeConnectionDetails(FakeLimeApi fake) {
		this.fake = fake;
	}

	static void register(ConfigurableApplicationContext context, BackgroundStart<FakeLimeApi> fake) {
		fake.registerBean(context, BEAN_NAME, LimeConnectionDetails.class, FakeLimeConnectionDetails::new);
	}

	@Override
	public String getApiBase() {
		return this.fake.baseUrl();
	}

	@Override
	public String getSiteToken() {
		return this.fake.siteToken();
	}

	@Override
	public String toString() {
		return "FakeLimeConnectionDetails[" + this.fake.baseUrl() + "]";
	}

}
