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

import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.RpcTimings;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A {@link ContextCustomizer} running a fake Happy server with the settings of an
 * {@link AutoConfigureFakeHappyServer}; equal settings make equal customizers, so the
 * test context cache shares the context.
 *
 * @param daemon whether a daemon runs
 * @param agentBehaviour how its agents answer
 * @param shortRpcWaits whether the RPC waits are shortened
 */
record FakeHappyServerContextCustomizer(boolean daemon, AgentBehaviour agentBehaviour,
		boolean shortRpcWaits) implements ContextCustomizer {

	static FakeHappyServerContextCustomizer of(AutoConfigureFakeHappyServer settings) {
		return new FakeHappyServerContextCustomizer(settings.daemon(), settings.agentBehaviour(),
				settings.shortRpcWaits());
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		new FakeHappyServerInitializer(
				(server) -> server.rpcTimings(this.shortRpcWaits ? RpcTimings.shortened() : RpcTimings.defaults()),
				this.daemon ? this.agentBehaviour : null)
			.initialize(context);
	}

}
