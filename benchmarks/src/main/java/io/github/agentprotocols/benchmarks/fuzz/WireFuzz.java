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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Whole-server fuzzing over the wire: starts the showcase's executable jar as a JVM of
 * its own (every starter on embedded defaults, the LIME and Happy fakes in its process),
 * makes one object per protocol that must survive (an HPP session with ten fields set, an
 * ACP thread with a message, a pending LIME login request, a submitted app-control
 * command, a Happy session with one turn), then sends each protocol
 * {@link #REQUESTS_PROPERTY} mutated requests ({@link Mutator}) built from valid seeds of
 * its real requests, a bounded number in flight on loopback, each with a timeout
 * ({@link WireClient}).
 * <p>
 * Per protocol it counts answers by class ({@link Outcome}), the ERROR and WARN lines of
 * the server's log meanwhile, and the server's heap after a full collection and its live
 * threads before and after; after the last protocol and a settling pause it measures heap
 * and threads again and reads every object back. A 5xx, a hang and an ERROR line are
 * findings, written with the request ({@link Findings}). Which case gets which mutations
 * depends only on {@link #SEED_PROPERTY}, the protocol and the case's number.
 */
public final class WireFuzz {

	/** System property: mutated requests per protocol (default 100,000). */
	public static final String REQUESTS_PROPERTY = "bench.fuzz.requests";

	/** System property: the run's seed (default 1). */
	public static final String SEED_PROPERTY = "bench.fuzz.seed";

	/** System property: requests in flight (default 16). */
	public static final String IN_FLIGHT_PROPERTY = "bench.fuzz.in-flight";

	/**
	 * System property: seconds a request may take before it counts as hanging (default
	 * 10).
	 */
	public static final String TIMEOUT_PROPERTY = "bench.fuzz.timeout-seconds";

	/**
	 * System property: seconds between the last request and the final measurement
	 * (default 60).
	 */
	public static final String SETTLE_PROPERTY = "bench.fuzz.settle-seconds";

	/**
	 * System property: the protocols, comma-separated (default all: {@code hpp},
	 * {@code acp} (REST), {@code acp-socketio}, {@code lime}, {@code app-control},
	 * {@code happy}).
	 */
	public static final String PROTOCOLS_PROPERTY = "bench.fuzz.protocols";

	/**
	 * System property: {@code embedded} (default: the showcase as it starts with no
	 * configuration, its stores in memory and the LIME and Happy fakes in its process) or
	 * {@code external} (its stores in Redis and PostgreSQL, the fakes in the driver's
	 * JVM: {@link ExternalTopology}).
	 */
	public static final String TOPOLOGY_PROPERTY = "bench.fuzz.topology";

	/**
	 * System property: mutated requests per protocol sent before the baseline is measured
	 * (default 0), with other mutations than the run's, so that the baseline is the heap
	 * of a server that has loaded its code and filled its bounded caches, and the heap
	 * after the run tells what the requests left.
	 */
	public static final String WARM_UP_PROPERTY = "bench.fuzz.warm-up";

	/**
	 * The largest body written: the codecs' default in-memory limit (256 KiB), which the
	 * starters' own limits do not exceed.
	 */
	static final int BODY_LIMIT = 256 * 1024;

	/** Added to the mutations' seeds in the warm-up, so that it sends other requests. */
	private static final long WARM_UP_SALT = 0x5DEECE66DL;

	/** How many of the classes that grew most the findings name. */
	private static final int HEAP_GROWTH_CLASSES = 25;

	private final Settings settings;

	/**
	 * A run with the given settings.
	 * @param settings the settings
	 */
	public WireFuzz(Settings settings) {
		this.settings = settings;
	}

	/**
	 * The settings from the system properties.
	 * @return the settings
	 */
	public static Settings settingsFromSystemProperties() {
		return new Settings(Long.getLong(REQUESTS_PROPERTY, 100_000), Long.getLong(WARM_UP_PROPERTY, 0),
				Long.getLong(SEED_PROPERTY, 1), Integer.getInteger(IN_FLIGHT_PROPERTY, 16),
				Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, 10)),
				Duration.ofSeconds(Long.getLong(SETTLE_PROPERTY, 60)),
				"external".equals(System.getProperty(TOPOLOGY_PROPERTY, "embedded"))
						? ExternalTopology.Stores.fromEnvironment() : null,
				Arrays
					.stream(System.getProperty(PROTOCOLS_PROPERTY, "hpp,acp,acp-socketio,lime,app-control,happy")
						.split(","))
					.map(String::strip)
					.filter((name) -> !name.isEmpty())
					.toList());
	}

	/**
	 * Run against the showcase's jar.
	 * @param jar the showcase's executable jar
	 * @param findingsFile where the findings go
	 * @param logFile where the server's output goes
	 * @return one report per protocol, then the {@value FuzzReport#AFTER_SETTLE} row
	 * @throws Exception if the showcase does not start or refuses a well-formed request
	 */
	public List<FuzzReport> run(Path jar, Path findingsFile, Path logFile) throws Exception {
		String token = "fuzz-" + UUID.randomUUID();
		List<String> arguments = new ArrayList<>(List.of(
				// the demo client's pause between events (100 ms by default, for the
				// page's eyes)
				"--showcase.app-control.event-interval=10ms",
				// the submitted command made before the run must outlive a long run
				"--app-control.service.result-ttl=12h"));
		ExternalTopology.Stores stores = this.settings.external();
		try (ExternalTopology topology = (stores != null) ? ExternalTopology.start(stores) : null) {
			if (topology != null) {
				arguments.addAll(topology.arguments());
			}
			return run(jar, findingsFile, logFile, token, arguments);
		}
	}

	private List<FuzzReport> run(Path jar, Path findingsFile, Path logFile, String token, List<String> arguments)
			throws Exception {
		try (ShowcaseProcess showcase = ShowcaseProcess.start(jar, logFile, Map.of("APP_CONTROL_SERVICE_TOKEN", token),
				arguments); Findings findings = new Findings(findingsFile)) {
			JsonCalls calls = new JsonCalls(showcase.port());
			Map<String, FuzzTarget> all = new LinkedHashMap<>();
			for (FuzzTarget target : List.of(new HppTarget(), AcpTarget.rest(), AcpTarget.socketIo(), new LimeTarget(),
					new AppControlTarget(token), new HappyTarget())) {
				all.put(target.name(), target);
			}
			List<FuzzTarget> targets = new ArrayList<>();
			for (String name : this.settings.protocols()) {
				FuzzTarget target = all.get(name);
				if (target == null) {
					throw new IllegalArgumentException(
							PROTOCOLS_PROPERTY + ": no protocol " + name + " (" + all.keySet() + ")");
				}
				target.prepare(calls);
				targets.add(target);
			}
			WireClient client = new WireClient(showcase.port(), this.settings.timeout());
			List<FuzzReport> reports = new ArrayList<>();
			if (this.settings.warmUp() > 0) {
				long coldHeap = showcase.heapAfterGc();
				for (FuzzTarget target : targets) {
					fuzz(target, client, showcase.port(), findings, this.settings.warmUp(), WARM_UP_SALT);
				}
				findings.logLines("warm-up", errorLines(showcase.logLines()));
				System.out.printf("warm-up: %d requests per protocol; heap %.1f MB cold%n", this.settings.warmUp(),
						coldHeap / 1048576.0);
			}
			long baselineHeap = showcase.heapAfterGc();
			Map<String, Long> baselineClasses = showcase.liveBytesByClass();
			int baselineThreads = showcase.threads();
			long heap = baselineHeap;
			int threads = baselineThreads;
			for (FuzzTarget target : targets) {
				int logStart = showcase.logLines().size();
				long start = System.nanoTime();
				Map<Outcome, Long> counts = fuzz(target, client, showcase.port(), findings, this.settings.requests(),
						0);
				double seconds = (System.nanoTime() - start) / 1e9;
				List<String> log = showcase.logLines();
				List<String> errors = errorLines(log.subList(logStart, log.size()));
				findings.logLines(target.name(), errors);
				long warnings = log.subList(logStart, log.size())
					.stream()
					.filter((line) -> "WARN".equals(ShowcaseProcess.level(line)))
					.count();
				long heapAfter = showcase.heapAfterGc();
				int threadsAfter = showcase.threads();
				String intact = target.checkIntact(calls);
				FuzzReport report = new FuzzReport(target.name(), this.settings.requests(), counts,
						errors.stream().filter((line) -> "ERROR".equals(ShowcaseProcess.level(line))).count(), warnings,
						heap, heapAfter, threads, threadsAfter, intact, seconds);
				System.out.println(report.toCsv() + ((intact != null) ? "  " + intact : ""));
				reports.add(report);
				heap = heapAfter;
				threads = threadsAfter;
			}
			Thread.sleep(this.settings.settle().toMillis());
			findings.heapGrowth(baselineClasses, showcase.liveBytesByClass(), HEAP_GROWTH_CLASSES);
			List<String> problems = new ArrayList<>();
			for (FuzzTarget target : targets) {
				String intact = target.checkIntact(calls);
				if (intact != null) {
					problems.add(target.name() + ": " + intact);
				}
			}
			long errors = showcase.logLines()
				.stream()
				.filter((line) -> "ERROR".equals(ShowcaseProcess.level(line)))
				.count();
			long warnings = showcase.logLines()
				.stream()
				.filter((line) -> "WARN".equals(ShowcaseProcess.level(line)))
				.count();
			long requests = reports.stream().mapToLong(FuzzReport::requests).sum();
			Map<Outcome, Long> total = new EnumMap<>(Outcome.class);
			reports.forEach(
					(report) -> report.outcomes().forEach((outcome, count) -> total.merge(outcome, count, Long::sum)));
			reports.add(new FuzzReport(FuzzReport.AFTER_SETTLE, requests, total, errors, warnings, baselineHeap,
					showcase.heapAfterGc(), baselineThreads, showcase.threads(),
					problems.isEmpty() ? null : String.join("; ", problems),
					reports.stream().mapToDouble(FuzzReport::seconds).sum()));
			return reports;
		}
	}

	private Map<Outcome, Long> fuzz(FuzzTarget target, WireClient client, int port, Findings findings, long total,
			long salt) throws Exception {
		List<Seed> seeds = target.seeds();
		Mutator mutator = new Mutator(port, BODY_LIMIT, target.ids(), seeds);
		Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome, new LongAdder());
		}
		long protocolSalt = target.name().hashCode() * 0x9E3779B97F4A7C15L + salt;
		String name = (salt == 0) ? target.name() : target.name() + " (warm-up)";
		AtomicLong next = new AtomicLong();
		ExecutorService workers = Executors.newFixedThreadPool(this.settings.inFlight());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < this.settings.inFlight(); i++) {
				running.add(workers.submit(() -> {
					for (long index = next.getAndIncrement(); index < total; index = next.getAndIncrement()) {
						SplittableRandom random = new SplittableRandom(
								this.settings.seed() * 1_000_003L + protocolSalt + index);
						FuzzCase fuzzCase = mutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
						WireClient.Answer answer = client.send(fuzzCase);
						counts.get(answer.outcome()).increment();
						if (answer.outcome().isFinding()) {
							findings.request(name, index, fuzzCase, answer);
						}
						if ((index + 1) % Math.max(1, total / 10) == 0) {
							System.out.println(name + ": " + (index + 1) + " of " + total + " sent");
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		finally {
			workers.shutdownNow();
		}
		Map<Outcome, Long> result = new EnumMap<>(Outcome.class);
		counts.forEach((outcome, count) -> result.put(outcome, count.sum()));
		return result;
	}

	/**
	 * The ERROR lines of a stretch of the log, each with the lines that follow it up to
	 * the next line of another entry (its stack trace).
	 * @param lines the log's lines
	 * @return the ERROR entries' lines
	 */
	static List<String> errorLines(List<String> lines) {
		List<String> errors = new ArrayList<>();
		boolean inError = false;
		for (String line : lines) {
			String level = ShowcaseProcess.level(line);
			if (level != null || line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")) {
				inError = "ERROR".equals(level);
			}
			if (inError) {
				errors.add(line);
			}
		}
		return errors;
	}

	/**
	 * What a run does.
	 *
	 * @param requests mutated requests per protocol
	 * @param warmUp mutated requests per protocol before the baseline
	 * @param seed the seed of the mutations
	 * @param inFlight requests in flight
	 * @param timeout how long a request may take before it counts as hanging
	 * @param settle the pause between the last request and the final measurement
	 * @param external the stores of the {@link ExternalTopology} the showcase runs on, or
	 * {@code null} for the embedded one
	 * @param protocols the protocols, in order
	 */
	public record Settings(long requests, long warmUp, long seed, int inFlight, Duration timeout, Duration settle,
			ExternalTopology.@Nullable Stores external, List<String> protocols) {

	}

}
