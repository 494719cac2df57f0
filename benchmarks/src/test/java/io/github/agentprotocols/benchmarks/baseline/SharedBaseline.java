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

package io.github.agentprotocols.benchmarks.baseline;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;

/**
 * One raw baseline application for the tests that need it running as it starts, without
 * extra properties, and change nothing in it: started on first use, closed when the test
 * JVM exits, as Spring's test context cache does with its contexts.
 */
public final class SharedBaseline {

	private static Running running;

	private SharedBaseline() {
	}

	/**
	 * The shared application, started if it is not yet.
	 * @return the running application
	 */
	public static synchronized Running get() {
		if (running == null) {
			Running started = BaselineApplication.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-baseline-close"));
			running = started;
		}
		return running;
	}

}
