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

package io.github.agentprotocols.benchmarks.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.agentprotocols.testsupport.ApplicationProcess;
import io.github.agentprotocols.testsupport.LoopbackPorts;
import org.jspecify.annotations.Nullable;

/**
 * An instance in a JVM of its own, killed with {@code SIGKILL} ({@code kill -9}: no
 * shutdown hook, no goodbye on a socket) at each injection and started again on its port,
 * settled when the new one serves, so that the load goes on with two instances. What a
 * run does {@linkplain Around around} each kill comes before it and after it, before the
 * start.
 */
final class InstanceKill implements Fault, Instance, Instance.Launcher {

	private final int port = LoopbackPorts.free();

	private final Around around;

	private @Nullable Class<?> application;

	private String[] properties = new String[0];

	private @Nullable ApplicationProcess process;

	private int kills;

	InstanceKill(Around around) {
		this.around = around;
	}

	@Override
	public String name() {
		return "instance-kill";
	}

	@Override
	public synchronized Instance launch(Class<?> application, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.addAll(List.of("server.port=" + this.port, "server.address=127.0.0.1", "spring.main.banner-mode=off",
				"logging.level.root=warn"));
		this.application = application;
		this.properties = all.toArray(String[]::new);
		this.process = start();
		return this;
	}

	@Override
	public synchronized void inject() throws Exception {
		ApplicationProcess victim = Objects.requireNonNull(this.process, "No instance launched");
		this.around.before(this.port);
		long killed = System.nanoTime();
		victim.kill();
		this.kills++;
		this.around.after(killed);
		this.process = start();
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public synchronized void close() {
		if (this.process != null) {
			this.process.close();
		}
	}

	private ApplicationProcess start() {
		return ApplicationProcess.start("bench-killed-instance-" + this.kills,
				Objects.requireNonNull(this.application, "No instance launched"), this.properties);
	}

	/**
	 * What a run does around each kill: work it puts on the instance before, what it
	 * waits for after, while the instance is down.
	 */
	interface Around {

		/** Nothing before, nothing after. */
		Around NOTHING = new Around() {
		};

		/**
		 * Puts work on the instance about to be killed.
		 * @param port the instance's port
		 * @throws Exception if the work could not be put there
		 */
		default void before(int port) throws Exception {
		}

		/**
		 * Waits for what the kill brings about elsewhere.
		 * @param killedNanos the {@link System#nanoTime()} when the kill was sent
		 * @throws Exception if the wait failed
		 */
		default void after(long killedNanos) throws Exception {
		}

	}

}
