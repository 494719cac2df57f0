package io.github.agentprotocols.benchmarks.acp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.benchmarks.load.Rounds;
import io.github.agentprotocols.benchmarks.load.Rounds.Measurement;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Join-history read on PostgreSQL: the {@value #EVENTS} events of one thread (its
 * {@code thread.created} and {@value #EVENTS}−1 messages), one read at a time. Through
 * the store ({@link #replay()}): {@code ThreadStore.replay(id, null, 500)}, what
 * {@code thread:join} and {@code ctx.events(500)} do; baseline: the same statement
 * through {@code DatabaseClient}, rows as the driver reads them. Over REST
 * ({@link #rest()}): {@code GET /acp/threads/{id}/events?limit=200} followed page by page
 * to the end (three requests); baseline: the same paging of the raw endpoint
 * {@link RawEventRoutes#EVENTS_PATH} of the same server. Alternating rounds; goal: at
 * most 50 ms.
 */
public final class AcpJoinHistory implements LoadScenario {

	static final int EVENTS = 500;

	private static final int PAGE = 200;

	private static final int READS = 200;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final boolean overRest;

	private AcpJoinHistory(boolean overRest) {
		this.overRest = overRest;
	}

	/**
	 * The read through the store's replay.
	 * @return the scenario
	 */
	public static AcpJoinHistory replay() {
		return new AcpJoinHistory(false);
	}

	/**
	 * The read through the REST API, paged.
	 * @return the scenario
	 */
	public static AcpJoinHistory rest() {
		return new AcpJoinHistory(true);
	}

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(1, Duration.ofMinutes(3));
		try (AcpBenchDatabase database = AcpBenchDatabase.create();
				Running application = AcpBenchmarkApplication.start(database)) {
			ThreadStore store = application.context().getBean(ThreadStore.class);
			String threadId = BenchThreads.create(store);
			for (int i = 1; i < EVENTS; i++) {
				EventDraft draft = new EventDraft(null, List.of(new ContentPart.Text("message " + i)), null);
				store.append(draft.toEvent(AcpIds.event(), threadId, AcpBenchmarkApplication.USER, Instant.now()))
					.block(Duration.ofSeconds(30));
			}
			Operation baseline;
			Operation subject;
			String suffix;
			if (this.overRest) {
				HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				String base = "http://127.0.0.1:" + application.port();
				baseline = pagedRead(client, base + RawEventRoutes.EVENTS_PATH.replace("{threadId}", threadId));
				subject = pagedRead(client, base + "/acp/threads/" + threadId + "/events");
				suffix = "rest-paged-" + PAGE;
			}
			else {
				RawEvents raw = application.context().getBean(RawEvents.class);
				baseline = () -> counted(raw.newest(threadId, EVENTS).map(List::size));
				subject = () -> counted(store.replay(threadId, null, EVENTS).map((replay) -> replay.events().size()));
				suffix = "replay";
			}
			driver.run("warmup", READS / 2, baseline);
			driver.run("warmup", READS / 2, subject);
			return Rounds.alternate(Rounds.count(),
					new Measurement("baseline-raw-select-" + EVENTS + "-" + suffix,
							(name) -> driver.run(name, READS, baseline)),
					new Measurement("acp-join-history-" + EVENTS + "-" + suffix,
							(name) -> driver.run(name, READS, subject)));
		}
	}

	private static CompletionStage<Integer> counted(Mono<Integer> read) {
		return read.map(AcpJoinHistory::requireAll).toFuture();
	}

	private static int requireAll(int count) {
		if (count != EVENTS) {
			throw new IllegalStateException("read " + count + " events, expected " + EVENTS);
		}
		return count;
	}

	/**
	 * Reads every page of {@code events}, {@value #PAGE} items at a time, following
	 * {@code next_cursor}.
	 */
	private static Operation pagedRead(HttpClient client, String events) {
		return () -> nextPage(client, events, null, 0).thenApply(AcpJoinHistory::requireAll);
	}

	private static CompletableFuture<Integer> nextPage(HttpClient client, String events, JsonNode cursor, int read) {
		String query = "?limit=" + PAGE
				+ ((cursor != null) ? "&cursor_created_at=" + encoded(cursor.get("created_at").asString())
						+ "&cursor_id=" + encoded(cursor.get("id").asString()) : "");
		return client
			.sendAsync(HttpRequest.newBuilder(URI.create(events + query)).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.thenCompose((response) -> {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
				}
				JsonNode page = mapper.readTree(response.body());
				int total = read + page.get("items").size();
				JsonNode next = page.get("next_cursor");
				return (next == null || next.isNull()) ? CompletableFuture.completedFuture(total)
						: nextPage(client, events, next, total);
			});
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
