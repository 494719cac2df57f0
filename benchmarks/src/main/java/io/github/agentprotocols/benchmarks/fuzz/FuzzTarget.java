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

package io.github.agentprotocols.benchmarks.fuzz;

import java.util.List;

/**
 * One protocol of the showcase under fuzzing: the object made before the run and checked
 * after it, and the seeds its mutated requests start from.
 */
interface FuzzTarget {

	/**
	 * The protocol's name, as in the CSV.
	 * @return the name
	 */
	String name();

	/**
	 * Make the object that must survive the run, and whatever the seeds need (a session
	 * of the fuzzer's own, its token).
	 * @param calls well-formed calls to the showcase
	 * @throws Exception if the showcase refuses
	 */
	void prepare(JsonCalls calls) throws Exception;

	/**
	 * The valid requests mutated during the run.
	 * @return the seeds
	 */
	List<Seed> seeds();

	/**
	 * Ids that mutated paths and tokens may take: other objects', the one that must
	 * survive included where the protocol protects it.
	 * @return the ids
	 */
	List<String> ids();

	/**
	 * Read the object made before the run back.
	 * @param calls well-formed calls to the showcase
	 * @return {@code null} if it is intact, else what differs
	 * @throws Exception if the showcase cannot be asked
	 */
	String checkIntact(JsonCalls calls) throws Exception;

}
