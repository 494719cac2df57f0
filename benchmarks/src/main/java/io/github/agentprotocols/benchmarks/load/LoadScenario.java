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

package io.github.agentprotocols.benchmarks.load;

import java.util.List;

/**
 * A load-driver scenario: measures its figures and, first, the raw baseline they are
 * divided by, in the same run.
 */
public interface LoadScenario {

	/**
	 * Run the scenario.
	 * @return the reports, the scenario's baseline first
	 * @throws Exception if the scenario cannot run
	 */
	List<LatencyReport> run() throws Exception;

}
