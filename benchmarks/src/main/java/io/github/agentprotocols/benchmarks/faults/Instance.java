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

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;

/**
 * An instance of the application under a run's load: where it listens, and its end.
 */
interface Instance extends AutoCloseable {

	/**
	 * The port it listens on, on the loopback address.
	 * @return the port
	 */
	int port();

	@Override
	void close();

	/**
	 * An instance in this JVM.
	 * @param running the started application
	 * @return the instance
	 */
	static Instance of(Running running) {
		return new Instance() {

			@Override
			public int port() {
				return running.port();
			}

			@Override
			public void close() {
				running.close();
			}

		};
	}

	/**
	 * Starts the instances of a run.
	 */
	@FunctionalInterface
	interface Launcher {

		/** Starts each instance in this JVM. */
		Launcher IN_THIS_JVM = (application, properties) -> of(Running.start(application, properties));

		/**
		 * Starts an instance.
		 * @param application the application class
		 * @param properties its {@code key=value} properties
		 * @return the started instance
		 */
		Instance launch(Class<?> application, String... properties);

	}

}
