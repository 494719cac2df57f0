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

package io.github.agentprotocols.happy;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.github.agentprotocols.happy.observation.DefaultRestObservationConvention;
import io.github.agentprotocols.happy.observation.DefaultRpcObservationConvention;
import io.github.agentprotocols.happy.observation.DefaultSpawnObservationConvention;
import io.github.agentprotocols.happy.observation.DefaultTaskObservationConvention;
import io.github.agentprotocols.happy.observation.DefaultTurnObservationConvention;
import io.github.agentprotocols.happy.observation.HappyObservationDocumentation;
import io.github.agentprotocols.happy.observation.OutcomeObservationContext;
import io.github.agentprotocols.happy.observation.RestObservationContext;
import io.github.agentprotocols.happy.observation.RestObservationConvention;
import io.github.agentprotocols.happy.observation.RpcObservationContext;
import io.github.agentprotocols.happy.observation.RpcObservationConvention;
import io.github.agentprotocols.happy.observation.SpawnObservationContext;
import io.github.agentprotocols.happy.observation.SpawnObservationConvention;
import io.github.agentprotocols.happy.observation.TaskObservationContext;
import io.github.agentprotocols.happy.observation.TaskObservationConvention;
import io.github.agentprotocols.happy.observation.TurnObservationContext;
import io.github.agentprotocols.happy.observation.TurnObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Where the Happy client's observations go: a registry and, per operation, the convention
 * that replaces the default one. Each observation starts when its work is subscribed to,
 * as a child of the observation in the subscriber's Reactor context (or else the current
 * one), is put in the Reactor context of its work, so that the observations of the work
 * nested in it are its children whatever thread they run on, and stops when the work
 * ends.
 */
public final class HappyObservations {

	/** No observations. */
	public static final HappyObservations NOOP = new HappyObservations(ObservationRegistry.NOOP);

	private static final RestObservationConvention DEFAULT_REST = new DefaultRestObservationConvention();

	private static final RpcObservationConvention DEFAULT_RPC = new DefaultRpcObservationConvention();

	private static final SpawnObservationConvention DEFAULT_SPAWN = new DefaultSpawnObservationConvention();

	private static final TurnObservationConvention DEFAULT_TURN = new DefaultTurnObservationConvention();

	private static final TaskObservationConvention DEFAULT_TASK = new DefaultTaskObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable RestObservationConvention rest;

	private final @Nullable RpcObservationConvention rpc;

	private final @Nullable SpawnObservationConvention spawn;

	private final @Nullable TurnObservationConvention turn;

	private final @Nullable TaskObservationConvention task;

	/**
	 * Observations into a registry with the default conventions.
	 * @param registry the registry
	 */
	public HappyObservations(ObservationRegistry registry) {
		this(registry, null, null, null, null, null);
	}

	private HappyObservations(ObservationRegistry registry, @Nullable RestObservationConvention rest,
			@Nullable RpcObservationConvention rpc, @Nullable SpawnObservationConvention spawn,
			@Nullable TurnObservationConvention turn, @Nullable TaskObservationConvention task) {
		this.registry = registry;
		this.rest = rest;
		this.rpc = rpc;
		this.spawn = spawn;
		this.turn = turn;
		this.task = task;
	}

	/**
	 * These observations with another convention for REST calls.
	 * @param convention the convention, or {@code null} for the default
	 * @return the observations
	 */
	public HappyObservations withConvention(@Nullable RestObservationConvention convention) {
		return new HappyObservations(this.registry, convention, this.rpc, this.spawn, this.turn, this.task);
	}

	/**
	 * These observations with another convention for RPCs.
	 * @param convention the convention, or {@code null} for the default
	 * @return the observations
	 */
	public HappyObservations withConvention(@Nullable RpcObservationConvention convention) {
		return new HappyObservations(this.registry, this.rest, convention, this.spawn, this.turn, this.task);
	}

	/**
	 * These observations with another convention for spawns.
	 * @param convention the convention, or {@code null} for the default
	 * @return the observations
	 */
	public HappyObservations withConvention(@Nullable SpawnObservationConvention convention) {
		return new HappyObservations(this.registry, this.rest, this.rpc, convention, this.turn, this.task);
	}

	/**
	 * These observations with another convention for turns.
	 * @param convention the convention, or {@code null} for the default
	 * @return the observations
	 */
	public HappyObservations withConvention(@Nullable TurnObservationConvention convention) {
		return new HappyObservations(this.registry, this.rest, this.rpc, this.spawn, convention, this.task);
	}

	/**
	 * These observations with another convention for tasks.
	 * @param convention the convention, or {@code null} for the default
	 * @return the observations
	 */
	public HappyObservations withConvention(@Nullable TaskObservationConvention convention) {
		return new HappyObservations(this.registry, this.rest, this.rpc, this.spawn, this.turn, convention);
	}

	/**
	 * Observe a REST call.
	 * @param <T> the type of the answer
	 * @param context the context, made per subscription
	 * @param call the call, given the context
	 * @return the observed call
	 */
	public <T> Mono<T> rest(Supplier<RestObservationContext> context, Function<RestObservationContext, Mono<T>> call) {
		return observe(context, (held) -> HappyObservationDocumentation.REST.observation(this.rest, DEFAULT_REST,
				() -> held, this.registry), call);
	}

	/**
	 * Observe an RPC.
	 * @param <T> the type of the outcome
	 * @param context the context, made per subscription
	 * @param call the call, given the context
	 * @return the observed call
	 */
	public <T> Mono<T> rpc(Supplier<RpcObservationContext> context, Function<RpcObservationContext, Mono<T>> call) {
		return observe(context, (held) -> HappyObservationDocumentation.RPC.observation(this.rpc, DEFAULT_RPC,
				() -> held, this.registry), call);
	}

	/**
	 * Observe a spawn.
	 * @param <T> the type of the result
	 * @param context the context, made per subscription
	 * @param spawn the spawn, given the context
	 * @return the observed spawn
	 */
	public <T> Mono<T> spawn(Supplier<SpawnObservationContext> context,
			Function<SpawnObservationContext, Mono<T>> spawn) {
		return observe(context, (held) -> HappyObservationDocumentation.SPAWN.observation(this.spawn, DEFAULT_SPAWN,
				() -> held, this.registry), spawn);
	}

	/**
	 * Observe a turn.
	 * @param <T> the type of the result
	 * @param context the context, made per subscription
	 * @param turn the turn, given the context
	 * @return the observed turn
	 */
	public <T> Mono<T> turn(Supplier<TurnObservationContext> context, Function<TurnObservationContext, Mono<T>> turn) {
		return observe(context, (held) -> HappyObservationDocumentation.TURN.observation(this.turn, DEFAULT_TURN,
				() -> held, this.registry), turn);
	}

	/**
	 * Observe a task.
	 * @param <T> the type of the result
	 * @param context the context, made per subscription
	 * @param task the task, given the context
	 * @return the observed task
	 */
	public <T> Mono<T> task(Supplier<TaskObservationContext> context, Function<TaskObservationContext, Mono<T>> task) {
		return observe(context, (held) -> HappyObservationDocumentation.TASK.observation(this.task, DEFAULT_TASK,
				() -> held, this.registry), task);
	}

	/**
	 * The outcome of a failure: {@code timeout}, {@code offline}, {@code disconnected},
	 * or {@code error} for any other.
	 * @param failure the failure
	 * @return the outcome
	 */
	static String outcomeOf(Throwable failure) {
		if (failure instanceof HappyTimeoutException) {
			return "timeout";
		}
		if (failure instanceof MachineOfflineException) {
			return "offline";
		}
		if (failure instanceof HappyConnectionException) {
			return "disconnected";
		}
		return "error";
	}

	private <C extends Observation.Context, T> Mono<T> observe(Supplier<C> contexts,
			Function<C, Observation> observations, Function<C, Mono<T>> work) {
		if (this.registry.isNoop()) {
			return Mono.defer(() -> work.apply(contexts.get()));
		}
		return Mono.deferContextual((reactor) -> {
			C context = contexts.get();
			Observation observation = observations.apply(context);
			Observation parent = ReactiveObservations.current(reactor);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			return ReactiveObservations.asParent(observation, ReactiveObservations.stopOnEnd(observation,
					Mono.defer(() -> work.apply(context)), new Outcomes<>(context)));
		});
	}

	/**
	 * Sets the outcome of an {@link OutcomeObservationContext} as its observation stops,
	 * before the work's result goes on: whoever waits for it finds the observation
	 * stopped with its outcome.
	 */
	private static final class Outcomes<T> implements ReactiveObservations.Signals<T> {

		private final Observation.Context context;

		private Outcomes(Observation.Context context) {
			this.context = context;
		}

		@Override
		public void success(@Nullable T result) {
			outcome("ok");
		}

		@Override
		public Throwable error(Throwable error) {
			outcome(outcomeOf(error));
			return error;
		}

		@Override
		public void cancel() {
			outcome("cancelled");
		}

		private void outcome(String outcome) {
			if (this.context instanceof OutcomeObservationContext outcomes) {
				outcomes.setOutcomeIfAbsent(outcome);
			}
		}

	}

}
