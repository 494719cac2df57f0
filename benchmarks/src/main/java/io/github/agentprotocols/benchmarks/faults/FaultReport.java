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

import java.util.Locale;
import java.util.Map;

/**
 * What a run of load under repeated faults counted.
 *
 * @param scenario the load, such as {@code hpp-redis-cluster}
 * @param fault the fault's name
 * @param injections how many times the fault was injected
 * @param seconds how long the load ran
 * @param answers the requests answered, by HTTP status
 * @param unanswered the requests that got no answer within the client's timeout
 * @param acknowledged the writes answered as kept
 * @param lost the acknowledged writes not found afterwards (for events: the receipts
 * missing over every client)
 * @param duplicated the receipts that came more than once, or {@code -1} where the load
 * cannot tell
 * @param maxSettleMillis the longest time a fault took to settle
 * @param maxLatencyMillis the longest time a request took
 */
public record FaultReport(String scenario, String fault, int injections, double seconds, Map<Integer, Long> answers,
		long unanswered, long acknowledged, long lost, long duplicated, long maxSettleMillis, long maxLatencyMillis) {

	/** The header of {@link #toCsv()}. */
	public static final String CSV_HEADER = "scenario,fault,injections,seconds,requests,answered_2xx,answered_503,"
			+ "answered_other_4xx,answered_5xx,unanswered,acknowledged,lost,duplicated,max_settle_ms,max_latency_ms";

	static FaultReport of(String scenario, FaultSchedule schedule, double seconds, Answers answers, long acknowledged,
			long lost, long duplicated) {
		return new FaultReport(scenario, schedule.name(), schedule.injections(), seconds, answers.statuses(),
				answers.unanswered(), acknowledged, lost, duplicated, schedule.maxSettleMillis(),
				answers.maxLatencyMillis());
	}

	/**
	 * The requests sent.
	 * @return answered and unanswered
	 */
	public long requests() {
		return this.answers.values().stream().mapToLong(Long::longValue).sum() + this.unanswered;
	}

	/**
	 * The requests answered with a status in a range.
	 * @param from the first status
	 * @param to the last status
	 * @return how many
	 */
	public long answered(int from, int to) {
		return this.answers.entrySet()
			.stream()
			.filter((answer) -> answer.getKey() >= from && answer.getKey() <= to)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/**
	 * One CSV line, in the order of {@link #CSV_HEADER}.
	 * @return the line
	 */
	public String toCsv() {
		return String.format(Locale.ROOT, "%s,%s,%d,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%s,%d,%d", this.scenario, this.fault,
				this.injections, this.seconds, requests(), answered(200, 299), answered(503, 503), answered(400, 499),
				answered(500, 502) + answered(504, 599), this.unanswered, this.acknowledged, this.lost,
				(this.duplicated >= 0) ? Long.toString(this.duplicated) : "", this.maxSettleMillis,
				this.maxLatencyMillis);
	}

}
