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

package io.github.agentprotocols.acp.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpAnalyticsSink;
import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AnalyticsEvent;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The assistants of the spec §10 fixture, declared the ways an application declares them
 * ({@code @AcpAssistant} on {@code @Bean} methods, on a handler class and on handler
 * methods), plus {@code tracker} (item 33) and {@code forger} (item 34), and an analytics
 * sink that records what it receives.
 */
@Configuration(proxyBeanMethods = false)
class AcpRestFixtureAssistants {

	/**
	 * The assistants every thread "T" of the fixture has as members.
	 */
	static final List<String> members = List.of("helper", "slow", "boom", "chain", "d0", "d1", "d2", "d3", "d4", "d5",
			"d6", "d7", "d8", "d9");

	@Bean
	@AcpAssistant("helper")
	AssistantHandler helper() {
		return (context, send) -> Flux.just(send.reasoning("thinking"),
				send.toolCall("search", Map.of("q", "w"), "call_1"), send.toolResult("call_1", Map.of("t", 72)),
				send.message(List.of(new ContentPart.Text("done"))));
	}

	@Bean
	Slow slow() {
		return new Slow();
	}

	@Bean
	@AcpAssistant("boom")
	AssistantHandler boom() {
		return (context, send) -> Flux.concat(Mono.just(send.reasoning("about to fail")),
				Mono.error(new IllegalStateException("boom")));
	}

	@Bean
	@AcpAssistant("chain")
	AssistantHandler chain() {
		return (context, send) -> context.invoke("helper")
			.map((run) -> send.message(List.of(new ContentPart.Text("chained " + run.id()))));
	}

	@Bean
	DepthChain depthChain() {
		return new DepthChain();
	}

	@Bean
	@AcpAssistant("tracker")
	AssistantHandler tracker() {
		return (context, send) -> Flux.defer(() -> {
			context.analytics().track("llm.call", Map.of("m", "x"));
			context.analytics().track("llm.call", Map.of("m", "x"));
			return Flux.just(send.reasoning("tracked"));
		});
	}

	@Bean
	Forger forger() {
		return new Forger();
	}

	@Bean
	RecordingAnalyticsSink recordingAnalyticsSink(RecordingBroadcastListener broadcasts) {
		return new RecordingAnalyticsSink(broadcasts);
	}

	/**
	 * {@code slow}: sleeps 30 s, then sends a message. A test may {@link #wake()} it: the
	 * runs sleeping then, and those that start later until the next {@link #reset()},
	 * send their message at once. The runs whose sleep began, and those whose sleep was
	 * cancelled, are recorded.
	 */
	@AcpAssistant("slow")
	static class Slow implements AssistantHandler {

		private volatile Sinks.Empty<Void> alarm = Sinks.empty();

		private final Set<String> sleeping = ConcurrentHashMap.newKeySet();

		private final Set<String> interrupted = ConcurrentHashMap.newKeySet();

		@Override
		public Publisher<Event> handle(HandlerContext context, HandlerSend send) {
			return Mono.firstWithSignal(Mono.delay(Duration.ofSeconds(30)).then(), this.alarm.asMono())
				.doOnSubscribe((subscription) -> this.sleeping.add(context.run().id()))
				.doOnCancel(() -> this.interrupted.add(context.run().id()))
				.then(Mono.fromSupplier(() -> send.message(List.of(new ContentPart.Text("slept")))));
		}

		/**
		 * Ends the sleep of every {@code slow} run, until the next {@link #reset()}.
		 */
		void wake() {
			this.alarm.tryEmitEmpty();
		}

		/**
		 * Lets {@code slow} sleep again and forgets the sleeping and interrupted runs.
		 */
		void reset() {
			this.alarm = Sinks.empty();
			this.sleeping.clear();
			this.interrupted.clear();
		}

		/**
		 * The runs whose sleep began: a run is {@code running} before its handler is
		 * subscribed.
		 * @return the run ids
		 */
		Set<String> sleeping() {
			return Set.copyOf(this.sleeping);
		}

		/**
		 * The runs whose sleep was cancelled: stopped by a cancellation, a timeout or the
		 * deletion of their thread.
		 * @return the run ids
		 */
		Set<String> interrupted() {
			return Set.copyOf(this.interrupted);
		}

	}

	/**
	 * {@code d0} … {@code d9}: {@code d_i} invokes {@code d_(i+1)} and completes;
	 * {@code d9}, the last, completes.
	 */
	static class DepthChain {

		@AcpAssistant("d0")
		Mono<Event> d0(HandlerContext context) {
			return next(context, "d1");
		}

		@AcpAssistant("d1")
		Mono<Event> d1(HandlerContext context) {
			return next(context, "d2");
		}

		@AcpAssistant("d2")
		Mono<Event> d2(HandlerContext context) {
			return next(context, "d3");
		}

		@AcpAssistant("d3")
		Mono<Event> d3(HandlerContext context) {
			return next(context, "d4");
		}

		@AcpAssistant("d4")
		Mono<Event> d4(HandlerContext context) {
			return next(context, "d5");
		}

		@AcpAssistant("d5")
		Mono<Event> d5(HandlerContext context) {
			return next(context, "d6");
		}

		@AcpAssistant("d6")
		Mono<Event> d6(HandlerContext context) {
			return next(context, "d7");
		}

		@AcpAssistant("d7")
		Mono<Event> d7(HandlerContext context) {
			return next(context, "d8");
		}

		@AcpAssistant("d8")
		Mono<Event> d8(HandlerContext context) {
			return next(context, "d9");
		}

		@AcpAssistant("d9")
		Mono<Event> d9() {
			return Mono.empty();
		}

		private static Mono<Event> next(HandlerContext context, String assistantId) {
			return context.invoke(assistantId).then(Mono.empty());
		}

	}

	/**
	 * {@code forger}: yields a reasoning moved to the thread named by the run's option
	 * {@code thread_id}. The forged events are recorded.
	 */
	@AcpAssistant("forger")
	static class Forger implements AssistantHandler {

		private final List<Event> forged = new CopyOnWriteArrayList<>();

		@Override
		public Publisher<Event> handle(HandlerContext context, HandlerSend send) {
			return Mono.fromSupplier(() -> {
				Event own = send.reasoning("forged");
				Event event = new Event(own.id(), (String) context.run().metadata().get("thread_id"), own.runId(),
						own.author(), own.createdAt(), own.metadata(), null, own.payload());
				this.forged.add(event);
				return event;
			});
		}

		List<Event> forged() {
			return List.copyOf(this.forged);
		}

	}

	/**
	 * Records the analytics batches it receives, and whether the run's terminal status
	 * had been broadcast when each arrived.
	 */
	static class RecordingAnalyticsSink implements AcpAnalyticsSink {

		private final RecordingBroadcastListener broadcasts;

		private final List<Batch> batches = new CopyOnWriteArrayList<>();

		RecordingAnalyticsSink(RecordingBroadcastListener broadcasts) {
			this.broadcasts = broadcasts;
		}

		@Override
		public void onAnalytics(List<AnalyticsEvent> events) {
			String runId = events.get(0).runId();
			boolean afterTerminal = this.broadcasts.statusesOf(runId).stream().anyMatch(RunStatus::isTerminal);
			this.batches.add(new Batch(List.copyOf(events), afterTerminal));
		}

		/**
		 * The batches of one run.
		 * @param runId the run
		 * @return its batches, in the order received
		 */
		List<Batch> of(String runId) {
			return this.batches.stream().filter((batch) -> runId.equals(batch.events().get(0).runId())).toList();
		}

		void clear() {
			this.batches.clear();
		}

		/**
		 * One call of the sink.
		 *
		 * @param events the events
		 * @param afterTerminal whether the run's terminal status had been broadcast
		 */
		record Batch(List<AnalyticsEvent> events, boolean afterTerminal) {

		}

	}

}
