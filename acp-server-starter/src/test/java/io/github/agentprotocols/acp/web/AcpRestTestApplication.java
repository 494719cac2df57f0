package io.github.agentprotocols.acp.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.agentprotocols.acp.AcpAction;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpAuthorizer;
import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.wire.AcpJson;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application of the REST tests, with the fixture of spec §10: an authenticator that
 * reads {@code x-user} (alice, bob, carol, sys; anything else is unauthenticated), the
 * fixture's assistant ids registered, a spy authorizer and a recording broadcast
 * listener. Runs are recorded by the store only: the executor is not part of these tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class AcpRestTestApplication {

	static final Map<String, Identity> users = Map.of("alice", user("alice", Map.of("org", "A", "ws", "X")), "bob",
			user("bob", Map.of("org", "A", "ws", "Y")), "carol", user("carol", Map.of("org", "B")), "sys",
			new Identity(IdentityRole.SYSTEM, "sys", "sys", Map.of("tenant", Map.of())));

	static final List<String> assistants = Stream
		.concat(Stream.of("helper", "slow", "boom", "chain"), IntStream.range(0, 10).mapToObj((i) -> "d" + i))
		.toList();

	private static Identity user(String id, Map<String, String> tenant) {
		return new Identity(IdentityRole.USER, id, id, Map.of("tenant", tenant));
	}

	/**
	 * The fixture's callers by {@code x-user}; besides them, {@code x-user: custom} takes
	 * the identity from the JSON of {@code x-identity}, and {@code x-user: explode} makes
	 * the authenticator fail.
	 */
	@Bean
	AcpAuthenticator acpTestAuthenticator() {
		return (handshake) -> {
			String user = String.valueOf(handshake.header("x-user"));
			if (user.equals("explode")) {
				return Mono.error(new IllegalStateException("authenticator down"));
			}
			if (user.equals("custom")) {
				return Mono.just(AcpJson.readIdentity(AcpJson.parse(handshake.header("x-identity"))));
			}
			return Mono.justOrEmpty(users.get(user));
		};
	}

	@Bean
	SpyAuthorizer acpTestAuthorizer() {
		return new SpyAuthorizer();
	}

	@Bean
	RecordingListener acpTestListener() {
		return new RecordingListener();
	}

	@Bean
	StoreRuns acpTestRuns(ThreadStore store) {
		return new StoreRuns(store, Set.copyOf(assistants));
	}

	/**
	 * Records every call and denies the actions it is told to deny.
	 */
	static class SpyAuthorizer implements AcpAuthorizer {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final Set<AcpAction> denied = ConcurrentHashMap.newKeySet();

		@Override
		public Mono<Boolean> authorize(Identity identity, String threadId, AcpAction action) {
			this.calls.add(identity.id() + " " + threadId + " " + action.wireName());
			return Mono.just(!this.denied.contains(action));
		}

		void reset() {
			this.calls.clear();
			this.denied.clear();
		}

	}

	/**
	 * Records what the broadcast funnel publishes.
	 */
	static class RecordingListener implements AcpBroadcastListener {

		final List<AcpBroadcast> broadcasts = new CopyOnWriteArrayList<>();

		@Override
		public void onBroadcast(AcpBroadcast broadcast) {
			this.broadcasts.add(broadcast);
		}

		List<AcpBroadcast> of(String threadId) {
			return this.broadcasts.stream().filter((broadcast) -> broadcast.threadId().equals(threadId)).toList();
		}

		List<Event> eventsOf(String threadId) {
			return of(threadId).stream()
				.filter(AcpBroadcast.EventAppended.class::isInstance)
				.map((broadcast) -> ((AcpBroadcast.EventAppended) broadcast).event())
				.toList();
		}

		/**
		 * The kinds of notifications a thread got, in order: event types for events, else
		 * the notification's name.
		 */
		List<String> kindsOf(String threadId) {
			return of(threadId).stream()
				.map((broadcast) -> (broadcast instanceof AcpBroadcast.EventAppended appended)
						? appended.event().type().wireName() : broadcast.getClass().getSimpleName())
				.toList();
		}

	}

	/**
	 * Assistant runs recorded by the store and never executed: invocation is the store's,
	 * cancellation records the request and ends a pending run.
	 */
	static class StoreRuns implements AssistantRuns {

		private final ThreadStore store;

		private final Set<String> registered;

		final List<Run> created = new CopyOnWriteArrayList<>();

		final List<Run> cancelled = new CopyOnWriteArrayList<>();

		final List<Run> abandoned = Collections.synchronizedList(new ArrayList<>());

		StoreRuns(ThreadStore store, Set<String> registered) {
			this.store = store;
			this.registered = registered;
		}

		@Override
		public boolean isRegistered(String assistantId) {
			return this.registered.contains(assistantId);
		}

		@Override
		public Mono<Invocation> invoke(String threadId, InvocationRequest request) {
			return this.store.invoke(threadId, request)
				.doOnNext((invocation) -> this.created.addAll(invocation.createdRuns()));
		}

		@Override
		public Mono<Void> cancel(Run run) {
			this.cancelled.add(run);
			return this.store.requestCancel(run.id())
				.filter((current) -> current.status() == RunStatus.PENDING)
				.flatMap((current) -> this.store.finishRun(current.id(), RunStatus.CANCELLED, null))
				.then();
		}

		@Override
		public void abandon(Collection<Run> runs) {
			this.abandoned.addAll(runs);
		}

		void reset() {
			this.created.clear();
			this.cancelled.clear();
			this.abandoned.clear();
		}

	}

}
