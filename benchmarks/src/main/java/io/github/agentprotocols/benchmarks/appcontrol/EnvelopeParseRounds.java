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

package io.github.agentprotocols.benchmarks.appcontrol;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;

/**
 * The figures of {@link ToolCommandParseBenchmark} and
 * {@link ToolObservationParseBenchmark} measured for a machine too busy for JMH's
 * consecutive iterations: the raw {@code readTree} and bytes → parse → validate → model
 * alternate in short rounds on one thread, each timed by the thread's CPU time (not the
 * wall clock, which other processes stretch), and each round gives one ratio; prints the
 * median ratio and its quartiles after 10 rounds of warm-up. Arguments: rounds (default
 * 60) and operations per round (default 5,000).
 */
public final class EnvelopeParseRounds {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static volatile Object sink;

	private EnvelopeParseRounds() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		int operations = (args.length > 1) ? Integer.parseInt(args[1]) : 5_000;
		ProtocolSchemas schemas = ProtocolSchemas.shared();
		byte[] command = bytes(ToolCommandParseBenchmark.COMMAND.toMap());
		byte[] observation = bytes(ToolObservationParseBenchmark.OBSERVATION.toMap());
		measure("ToolCommand", rounds, operations, () -> AppControlJson.mapper().readTree(command), () -> ToolCommand
			.fromMap(schemas.validateProtocolPayload("command", AppControlJson.mapper().readTree(command))));
		measure("ToolObservation", rounds, operations, () -> AppControlJson.mapper().readTree(observation),
				() -> ToolObservation.fromMap(
						schemas.validateProtocolPayload("observation", AppControlJson.mapper().readTree(observation))));
	}

	private static void measure(String name, int rounds, int operations, Supplier<Object> baseline,
			Supplier<Object> figure) {
		double[] baselineNanos = new double[rounds];
		double[] figureNanos = new double[rounds];
		double[] ratios = new double[rounds];
		for (int round = -10; round < rounds; round++) {
			double base = nanosPerOperation(baseline, operations);
			double measured = nanosPerOperation(figure, operations);
			if (round >= 0) {
				baselineNanos[round] = base;
				figureNanos[round] = measured;
				ratios[round] = measured / base;
			}
		}
		System.out.printf("%s: baseline %.0f ns, parse + validate + model %.0f ns, ratio %.2f (quartiles %.2f-%.2f)%n",
				name, quantile(baselineNanos, 0.5), quantile(figureNanos, 0.5), quantile(ratios, 0.5),
				quantile(ratios, 0.25), quantile(ratios, 0.75));
	}

	private static double nanosPerOperation(Supplier<Object> operation, int operations) {
		long start = THREADS.getCurrentThreadCpuTime();
		for (int i = 0; i < operations; i++) {
			sink = operation.get();
		}
		return (THREADS.getCurrentThreadCpuTime() - start) / (double) operations;
	}

	private static double quantile(double[] values, double quantile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.round(quantile * (sorted.length - 1))];
	}

	private static byte[] bytes(Map<String, Object> envelope) {
		return AppControlJson.write(envelope).getBytes(StandardCharsets.UTF_8);
	}

}
