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

import org.HdrHistogram.Histogram;

/**
 * Times calls made one after the other on the calling thread, each from its start to its
 * return.
 */
public final class OneInFlight {

	private OneInFlight() {
	}

	/**
	 * Make {@code count} calls, one at a time.
	 * @param name the report's name
	 * @param count how many calls
	 * @param call the call, given its index
	 * @return the calls' latencies, and their rate over the whole loop
	 * @throws Exception if a call fails
	 */
	public static LatencyReport time(String name, int count, Call call) throws Exception {
		Histogram latencies = new Histogram(3);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long called = System.nanoTime();
			call.call(i);
			latencies.recordValue(System.nanoTime() - called);
		}
		return LatencyReport.of(name, latencies, 0, System.nanoTime() - start);
	}

	/**
	 * One call.
	 */
	@FunctionalInterface
	public interface Call {

		/**
		 * Make the call and wait for its answer.
		 * @param index the call's index in the loop, from 0
		 * @throws Exception if the call fails
		 */
		void call(int index) throws Exception;

	}

}
