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

import java.util.Locale;

/**
 * Heap a server holds for idle connections: its heap in use (after garbage collection)
 * before and after opening them.
 *
 * @param name the scenario name
 * @param connections how many connections were open
 * @param heapBefore heap in use before, bytes
 * @param heapAfter heap in use with the connections open, bytes
 * @param maxHeap the server's maximum heap, bytes
 */
public record MemoryReport(String name, int connections, long heapBefore, long heapAfter, long maxHeap) {

	/** Header line matching {@link #toCsv(MemoryReport)}. */
	public static final String CSV_HEADER = "scenario,connections,heap_before_mb,heap_after_mb,max_heap_mb,bytes_per_connection,ratio_to_baseline";

	/**
	 * Heap per connection.
	 * @return bytes
	 */
	public double bytesPerConnection() {
		return (double) (this.heapAfter - this.heapBefore) / this.connections;
	}

	/**
	 * This report as one CSV line.
	 * @param baseline the report this one is divided by
	 * @return the line, without a line break
	 */
	public String toCsv(MemoryReport baseline) {
		return String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%.1f,%.0f,%.2f", this.name, this.connections,
				mb(this.heapBefore), mb(this.heapAfter), mb(this.maxHeap), bytesPerConnection(),
				bytesPerConnection() / baseline.bytesPerConnection());
	}

	private static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
