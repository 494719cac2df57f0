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

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * Parse + validate of one app-control envelope's JSON bytes into its model, against a raw
 * Jackson parse of the same bytes ({@code baseline}) in the same run. Goal: the whole at
 * most 2× the raw parse. Subclasses name the envelope; {@link EnvelopeParseRounds}
 * measures the same on a machine too busy for JMH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class EnvelopeParseBenchmark {

	private final ProtocolSchemas schemas = ProtocolSchemas.shared();

	private final byte[] bytes = AppControlJson.write(envelope()).getBytes(java.nio.charset.StandardCharsets.UTF_8);

	/**
	 * The envelope, as its wire map.
	 * @return the envelope
	 */
	protected abstract Map<String, Object> envelope();

	/**
	 * The schema the envelope is validated against.
	 * @return the schema name
	 */
	protected abstract String schema();

	/**
	 * Build the model from a validated wire map.
	 * @param validated the map
	 * @return the model
	 */
	protected abstract Object model(Map<String, Object> validated);

	@Benchmark
	public JsonNode baseline() {
		return AppControlJson.mapper().readTree(this.bytes);
	}

	@Benchmark
	public Object parseAndValidate() {
		JsonNode tree = AppControlJson.mapper().readTree(this.bytes);
		return model(this.schemas.validateProtocolPayload(schema(), tree));
	}

}
