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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The requests answered 5xx or left hanging, and the server's ERROR lines, written to a
 * text file as they come, each with what was mutated and the request in printable form
 * ({@code \r}, {@code \n}, {@code \\} and {@code \xNN} for other bytes outside printable
 * ASCII), so that each can become a regression test. At most {@link #KEPT} requests of
 * one class are written per protocol; the counts include all.
 */
final class Findings implements AutoCloseable {

	/** Most requests written per protocol and class. */
	static final int KEPT = 200;

	/**
	 * How the section on the heap's growth starts: a measurement, not a finding.
	 */
	static final String HEAP_GROWTH = "heap: ";

	private static final int PRINTED_BYTES = 8 * 1024;

	private final Writer out;

	private final Map<String, Map<Outcome, Integer>> written = new HashMap<>();

	Findings(Path file) throws IOException {
		this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
	}

	synchronized void request(String protocol, long index, FuzzCase fuzzCase, WireClient.Answer answer) {
		int count = this.written.computeIfAbsent(protocol, (key) -> new EnumMap<>(Outcome.class))
			.merge(answer.outcome(), 1, Integer::sum);
		if (count > KEPT) {
			return;
		}
		write("### " + protocol + " case " + index + ": " + answer.outcome() + " (" + answer.detail() + ")\n"
				+ "# mutation: " + fuzzCase.mutation() + "\n" + fuzzCase.printable(PRINTED_BYTES) + "\n\n");
	}

	synchronized void logLines(String protocol, List<String> lines) {
		if (!lines.isEmpty()) {
			write("### " + protocol + ": server log lines at ERROR, with what followed them\n"
					+ String.join("\n", lines) + "\n\n");
		}
	}

	/**
	 * Writes the classes whose live objects grew most between two histograms.
	 * @param before bytes by class at the start
	 * @param after bytes by class at the end
	 * @param count how many classes to write
	 */
	synchronized void heapGrowth(Map<String, Long> before, Map<String, Long> after, int count) {
		StringBuilder text = new StringBuilder("### " + HEAP_GROWTH
				+ "the classes whose live objects grew most from before the first protocol to after the pause\n");
		after.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(count)
			.forEach((entry) -> text
				.append(String.format(Locale.ROOT, "%,14d bytes  %s%n", entry.getValue(), entry.getKey())));
		write(text.append('\n').toString());
	}

	private void write(String text) {
		try {
			this.out.write(text);
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() throws IOException {
		this.out.close();
	}

}
