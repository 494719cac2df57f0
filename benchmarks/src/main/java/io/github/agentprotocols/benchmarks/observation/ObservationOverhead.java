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

package io.github.agentprotocols.benchmarks.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.benchmarks.load.Rounds;

/**
 * The cost of observation on one path: the same application started once per
 * {@link ObservationMode}, all three in this JVM, and the path measured on each in
 * alternating rounds. The baseline is the path with {@link ObservationMode#NOOP}, so the
 * ratios are what observation adds with metrics and with tracing.
 */
public final class ObservationOverhead implements LoadScenario {

	private final String name;

	private final Application application;

	private final Path path;

	private final int requests;

	private final int concurrency;

	/**
	 * Create a scenario.
	 * @param name the path's name in the reports
	 * @param application starts the application in a mode
	 * @param path prepares the measured operation on a running application
	 * @param requests requests per round
	 * @param concurrency requests in flight
	 */
	public ObservationOverhead(String name, Application application, Path path, int requests, int concurrency) {
		this.name = name;
		this.application = application;
		this.path = path;
		this.requests = requests;
		this.concurrency = concurrency;
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(this.concurrency, Duration.ofMinutes(3));
		List<Running> running = new ArrayList<>();
		try {
			List<Rounds.Measurement> measurements = new ArrayList<>();
			for (ObservationMode mode : ObservationMode.values()) {
				Running started = this.application.start(mode);
				running.add(started);
				Operation operation = this.path.prepare(started);
				driver.run("warmup", this.requests / 2, operation);
				measurements.add(new Rounds.Measurement(this.name + "-" + mode.name().toLowerCase(Locale.ROOT),
						(round) -> driver.run(round, this.requests, operation)));
			}
			return Rounds.alternate(Rounds.count(), measurements.toArray(Rounds.Measurement[]::new));
		}
		finally {
			running.forEach(Running::close);
		}
	}

	/**
	 * Starts the application under measurement.
	 */
	@FunctionalInterface
	public interface Application {

		/**
		 * Start the application with the mode's {@link ObservationMode#property()}.
		 * @param mode the observation mode
		 * @return the running application
		 * @throws Exception if it cannot start
		 */
		Running start(ObservationMode mode) throws Exception;

	}

	/**
	 * Prepares the measured operation.
	 */
	@FunctionalInterface
	public interface Path {

		/**
		 * Prepare the operation against a running application.
		 * @param application the application
		 * @return the operation
		 * @throws Exception if it cannot be prepared
		 */
		Operation prepare(Running application) throws Exception;

	}

}
