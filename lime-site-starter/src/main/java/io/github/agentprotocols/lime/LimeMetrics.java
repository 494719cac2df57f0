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

package io.github.agentprotocols.lime;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Records what LIME agent login does, for monitoring: the events delivered from the LIME
 * stream, its reconnects, the outcomes of passport verification and how long the login
 * handlers take. Every method does nothing by default; {@link #NONE} records nothing.
 */
public interface LimeMetrics {

	/**
	 * Metrics that record nothing.
	 */
	LimeMetrics NONE = new LimeMetrics() {
	};

	/**
	 * An event of the LIME stream was delivered to the login handlers.
	 * @param type the event's {@code type}: {@code approved} or {@code expired}
	 */
	default void eventDelivered(String type) {
	}

	/**
	 * The LIME stream failed or ended and is about to be opened again.
	 */
	default void reconnecting() {
	}

	/**
	 * A passport was verified.
	 * @param passport the verified passport
	 */
	default void passportVerified(Passport passport) {
	}

	/**
	 * A passport was refused: a {@link PassportExpiredException} when it expired, a
	 * {@link PassportReplayedException} when it was used before, another
	 * {@link InvalidPassportException} otherwise.
	 * @param failure why it was refused
	 */
	default void passportRejected(InvalidPassportException failure) {
	}

	/**
	 * A login handler returned (or threw) on one event.
	 * @param duration how long it ran
	 * @param failure what it threw, or {@code null}
	 */
	default void handlerCompleted(Duration duration, @Nullable Throwable failure) {
	}

}
