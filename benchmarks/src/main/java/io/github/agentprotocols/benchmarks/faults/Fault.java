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

/**
 * A fault that a run injects again and again into the servers under its load.
 */
public interface Fault {

	/**
	 * The fault's name in the report, such as {@code cluster-failover}.
	 * @return the name
	 */
	String name();

	/**
	 * Injects the fault once and returns when the servers it hit have settled (a promoted
	 * master serves, a restarted server answers).
	 * @throws Exception if the fault could not be injected
	 */
	void inject() throws Exception;

	/**
	 * A fault that one call injects and settles, such as a server's own restart.
	 * @param name the fault's name in the report
	 * @param injection injects the fault and returns once the servers settled
	 * @return the fault
	 */
	static Fault of(String name, Runnable injection) {
		return new Fault() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public void inject() {
				injection.run();
			}

		};
	}

}
