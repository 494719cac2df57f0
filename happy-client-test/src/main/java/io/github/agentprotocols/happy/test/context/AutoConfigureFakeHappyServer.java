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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.test.RpcTimings;

/**
 * Annotation for a Spring test whose application talks to a {@link FakeHappyServer}
 * instead of the hosted Happy server: the test context starts the server, a
 * {@link HappyTestAccount} and a {@link FakeHappyDaemon} (through
 * {@link FakeHappyServerInitializer}), points {@code happy.server-url},
 * {@code happy.token} and {@code happy.secret} at them, and offers all three as beans to
 * inject. They close with the context; the server's faults are reset before each test
 * method. Test classes with the same settings share a cached context. <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureFakeHappyServer
 * class RunTaskTests {
 *
 * 	&#064;Autowired HappyClient happy;
 *
 * 	&#064;Autowired FakeHappyDaemon daemon;
 *
 * 	&#064;Test
 * 	void taskRuns() {
 * 		this.happy.runTask(this.daemon.machineId(), "/work", "Hello");
 * 	}
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeHappyServer {

	/**
	 * Whether a fake daemon of the test account runs.
	 * @return whether there is a daemon
	 */
	boolean daemon() default true;

	/**
	 * How the daemon's agents answer user messages.
	 * @return the behaviour
	 */
	AgentBehaviour agentBehaviour() default AgentBehaviour.TURNS;

	/**
	 * Whether the server's RPC waits are {@link RpcTimings#shortened()} rather than the
	 * server's own.
	 * @return whether the waits are short
	 */
	boolean shortRpcWaits() default false;

}
