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

package io.github.agentprotocols.commons.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Observes reactive calls with an observation the caller has started: the observation is
 * stopped exactly once, on the first of success, error or cancel, before the signal
 * reaches the subscriber (whoever blocks on the result sees it stopped). The one way the
 * starters observe a {@link Mono} or a {@link Flux}.
 * <p>
 * Reactor's {@code tap(Micrometer.observation(...))} is not used: it adds
 * {@code reactor.type} and {@code reactor.status} tags to every observation, which would
 * change the starters' documented metrics and spans.
 */
public final class ReactiveObservations {

	private ReactiveObservations() {
	}

	/**
	 * The observation in a Reactor context, the parent of what runs there.
	 * @param view the context
	 * @return the observation, or null
	 */
	public static @Nullable Observation current(ContextView view) {
		return view.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
	}

	/**
	 * A call that sees an observation as the current one in its Reactor context.
	 * @param <T> the result type
	 * @param observation the observation
	 * @param call the call
	 * @return the call with the observation in its context
	 */
	public static <T> Mono<T> asParent(Observation observation, Mono<T> call) {
		return call.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
	}

	/**
	 * A stream that sees an observation as the current one in its Reactor context.
	 * @param <T> the element type
	 * @param observation the observation
	 * @param call the stream
	 * @return the stream with the observation in its context
	 */
	public static <T> Flux<T> asParent(Observation observation, Flux<T> call) {
		return call.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
	}

	/**
	 * Stops a started observation once the call ends, recording its error.
	 * @param <T> the result type
	 * @param observation the started observation
	 * @param call the call
	 * @return the observed call
	 */
	public static <T> Mono<T> stopOnEnd(Observation observation, Mono<T> call) {
		return stopOnEnd(observation, call, Signals.recordingErrors());
	}

	/**
	 * Stops a started observation once the call ends, telling {@code signals} first.
	 * @param <T> the result type
	 * @param observation the started observation
	 * @param call the call
	 * @param signals what the observation learns from each way the call can end
	 * @return the observed call
	 */
	public static <T> Mono<T> stopOnEnd(Observation observation, Mono<T> call, Signals<? super T> signals) {
		ObservationStop stop = new ObservationStop(observation);
		return call.doOnSuccess((result) -> {
			signals.success(result);
			stop.stop();
		}).doOnError((error) -> stop.stop(signals.error(error))).doOnCancel(() -> {
			signals.cancel();
			stop.stop();
		});
	}

	/**
	 * Stops a started observation once the stream completes, fails or is cancelled,
	 * telling {@code signals} first; completion counts as success without a result.
	 * @param <T> the element type
	 * @param observation the started observation
	 * @param call the stream
	 * @param signals what the observation learns from each way the stream can end
	 * @return the observed stream
	 */
	public static <T> Flux<T> stopOnEnd(Observation observation, Flux<T> call, Signals<? super T> signals) {
		ObservationStop stop = new ObservationStop(observation);
		return call.doOnComplete(() -> {
			signals.success(null);
			stop.stop();
		}).doOnError((error) -> stop.stop(signals.error(error))).doOnCancel(() -> {
			signals.cancel();
			stop.stop();
		});
	}

	/**
	 * What an observation learns from the end of the call it observes, just before it
	 * stops.
	 *
	 * @param <T> the result type
	 */
	public interface Signals<T> {

		/**
		 * Records every error and nothing else.
		 * @param <T> the result type
		 * @return the signals
		 */
		static <T> Signals<T> recordingErrors() {
			return new Signals<>() {
			};
		}

		/**
		 * The call succeeded.
		 * @param result its result, or null when it completed empty
		 */
		default void success(@Nullable T result) {
		}

		/**
		 * The call failed.
		 * @param error the failure
		 * @return the error to record on the observation, or null to record none
		 */
		default @Nullable Throwable error(Throwable error) {
			return error;
		}

		/**
		 * The call was cancelled.
		 */
		default void cancel() {
		}

	}

}
