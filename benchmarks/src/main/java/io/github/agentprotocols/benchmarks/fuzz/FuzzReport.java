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

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One protocol's figures of a wire fuzzing run (or, named {@value #AFTER_SETTLE}, the
 * server's heap and threads after the run and a settling pause, against those before the
 * first protocol).
 *
 * @param protocol the protocol
 * @param requests mutated requests sent
 * @param outcomes answers by class
 * @param errorLines ERROR lines the server logged meanwhile
 * @param warnLines WARN lines the server logged meanwhile
 * @param heapBeforeBytes the server's heap in use after a full collection, before
 * @param heapAfterBytes the same, after
 * @param threadsBefore the server's live threads before
 * @param threadsAfter the same, after
 * @param intact {@code null} if the object made before the run read back the same, else
 * what differs
 * @param seconds how long the protocol's requests took
 */
public record FuzzReport(String protocol, long requests, Map<Outcome, Long> outcomes, long errorLines, long warnLines,
		long heapBeforeBytes, long heapAfterBytes, int threadsBefore, int threadsAfter, String intact, double seconds) {

	/** The name of the row measured after the settling pause. */
	public static final String AFTER_SETTLE = "all-after-settle";

	/** The CSV's header. */
	public static final String CSV_HEADER = "protocol,requests,2xx,3xx,4xx,5xx,shed_503,other_status,websocket_open,closed,"
			+ "timeouts,error_lines,warn_lines,heap_before_mb,heap_after_mb,heap_ratio,threads_before,threads_after,"
			+ "intact,seconds,requests_per_second";

	/**
	 * A copy of the outcomes with every class present.
	 * @param outcomes counts by class
	 */
	public FuzzReport {
		EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			all.put(outcome, outcomes.getOrDefault(outcome, 0L));
		}
		outcomes = all;
	}

	/**
	 * The count of one class.
	 * @param outcome the class
	 * @return how many answers were of it
	 */
	public long count(Outcome outcome) {
		return this.outcomes.get(outcome);
	}

	/**
	 * Whether the protocol met the goals: no 5xx, no hang, no ERROR line, the object
	 * intact.
	 * @return {@code true} if it did
	 */
	public boolean metGoals() {
		return count(Outcome.STATUS_5XX) == 0 && count(Outcome.TIMEOUT) == 0 && this.errorLines == 0
				&& this.intact == null;
	}

	/**
	 * The report as a CSV line.
	 * @return the line
	 */
	public String toCsv() {
		StringBuilder line = new StringBuilder(this.protocol).append(',').append(this.requests);
		for (Outcome outcome : Outcome.values()) {
			line.append(',').append(count(outcome));
		}
		double before = this.heapBeforeBytes / 1048576.0;
		double after = this.heapAfterBytes / 1048576.0;
		line.append(',').append(this.errorLines).append(',').append(this.warnLines);
		line.append(String.format(Locale.ROOT, ",%.1f,%.1f,%.2f", before, after, (before > 0) ? after / before : 0));
		line.append(',').append(this.threadsBefore).append(',').append(this.threadsAfter);
		line.append(',').append((this.intact == null) ? "yes" : "NO");
		line.append(String.format(Locale.ROOT, ",%.1f,%.0f", this.seconds,
				(this.seconds > 0) ? this.requests / this.seconds : 0));
		return line.toString();
	}

}
