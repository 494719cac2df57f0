package io.github.agentprotocols.acp.run;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunCancelRequests;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.Thread;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run executor on the {@link PostgresThreadStore}, in a schema of its own.
 */
class PostgresRunExecutorTests extends RunExecutorContractTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static AcpTestDatabase database;

	@BeforeAll
	static void createSchema() {
		database = AcpTestDatabase.create(PostgresRunExecutorTests.class);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ThreadStore createStore() {
		database.empty();
		return new PostgresThreadStore(database.client());
	}

	@Override
	protected Clock clock() {
		return Clock.systemUTC();
	}

	@Override
	protected void ageHeartbeats(Duration duration) {
		database.ageHeartbeats(duration);
	}

	@Test
	void cancellationRequestsAreNotifiedToEveryInstance() {
		PostgresThreadStore store = new PostgresThreadStore(database.client());
		Identity alice = Identity.user("alice", "Alice");
		Thread thread = store.createThread(NewThread.withTenant(TenantScope.PUBLIC), alice).block(WAIT).thread();
		store.addMember(thread.id(), Identity.assistant("helper", "Helper"), "member", alice).block(WAIT);
		Run run = store.invoke(thread.id(), InvocationRequest.of(List.of("helper"), alice, null, null))
			.block(WAIT)
			.runs()
			.get(0)
			.run();
		List<String> notified = new CopyOnWriteArrayList<>();
		Disposable listening = ((RunCancelRequests) store).runCancelRequests().subscribe(notified::add);
		try {
			await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				store.requestCancel(run.id()).block(WAIT);
				assertThat(notified).contains(run.id());
			});
		}
		finally {
			listening.dispose();
		}
	}

}
