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

package io.github.agentprotocols.commons;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A call (an HTTP exchange, a Redis command) that, once made, runs to its end even when
 * its subscriber leaves meanwhile; the outcome then goes nowhere. Cancelling a call at
 * the moment it starts or its answer arrives meets races in the libraries below:
 * {@code WebClient} releases a response body whose read is subscribing, and Lettuce's
 * Micrometer tracing stops an observation it has not started yet. Either fails with no
 * one left to tell, and Reactor logs it at ERROR as an error it dropped.
 */
@Internal
public final class UncancelledCall {

	private UncancelledCall() {
	}

	/**
	 * The call's outcome, the call itself subscribed on its own, with the subscriber's
	 * context, so that its subscriber's leaving does not cancel it. The call should end
	 * by itself, within a timeout of its own.
	 * @param <T> the type of the answer
	 * @param call the call
	 * @return its outcome
	 */
	public static <T> Mono<T> of(Mono<T> call) {
		return Mono.deferContextual((context) -> {
			Sinks.One<T> outcome = Sinks.one();
			call.contextWrite(context).subscribe(outcome::tryEmitValue, outcome::tryEmitError, outcome::tryEmitEmpty);
			return outcome.asMono();
		});
	}

	/**
	 * The call's elements, the call itself run as {@link #of(Mono)} runs it; they come
	 * once the call has ended.
	 * @param <T> the type of the elements
	 * @param call the call
	 * @return its elements
	 */
	public static <T> Flux<T> of(Flux<T> call) {
		return of(call.collectList()).flatMapIterable(Function.identity());
	}

}
