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

import java.util.Locale;
import java.util.Map;

import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.lime.observation.DefaultLimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.DefaultLimeHandlerObservationConvention;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext.Source;
import io.github.agentprotocols.lime.observation.LimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.LimeHandlerObservationContext;
import io.github.agentprotocols.lime.observation.LimeHandlerObservationConvention;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Creates the observations of the dispatcher: one per event, one per handler run on it,
 * the event's being the parent, whatever thread the handler runs on.
 * <p>
 * Internal: public only because the dispatcher in {@code sse} uses it; it may change in
 * any release.
 */
@Internal
public final class EventObservations {

	private static final LimeEventObservationConvention DEFAULT_EVENT_CONVENTION = new DefaultLimeEventObservationConvention();

	private static final LimeHandlerObservationConvention DEFAULT_HANDLER_CONVENTION = new DefaultLimeHandlerObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable LimeEventObservationConvention eventConvention;

	private final @Nullable LimeHandlerObservationConvention handlerConvention;

	/**
	 * Creates the observations of a dispatcher.
	 * @param registry the registry of the observations
	 * @param eventConvention the convention of the events' observations, or {@code null}
	 * for the default one
	 * @param handlerConvention the convention of the handler runs' observations, or
	 * {@code null} for the default one
	 */
	public EventObservations(ObservationRegistry registry, @Nullable LimeEventObservationConvention eventConvention,
			@Nullable LimeHandlerObservationConvention handlerConvention) {
		this.registry = registry;
		this.eventConvention = eventConvention;
		this.handlerConvention = handlerConvention;
	}

	/**
	 * Start observing an event; LIME's frames carry no propagation fields.
	 * @param event the event
	 * @param source where it came from
	 * @return the event with its started observation
	 */
	public ObservedEvent event(LimeEvent event, Source source) {
		LimeEventObservationContext context = new LimeEventObservationContext(type(event), event.requestId(),
				event.id(), source, Map.of());
		Observation observation = LimeObservationDocumentation.EVENT_DELIVERY
			.observation(this.eventConvention, DEFAULT_EVENT_CONVENTION, () -> context, this.registry)
			.start();
		return new ObservedEvent(event, context, observation);
	}

	/**
	 * Create, not started, the observation of a handler run on an event.
	 * @param context the run's observation context
	 * @param event the event, whose observation is the parent
	 * @return the observation
	 */
	public Observation handler(LimeHandlerObservationContext context, ObservedEvent event) {
		return LimeObservationDocumentation.EVENT_HANDLER
			.observation(this.handlerConvention, DEFAULT_HANDLER_CONVENTION, () -> context, this.registry)
			.parentObservation(event.observation());
	}

	/**
	 * The observation context of a handler run on an event.
	 * @param event the event
	 * @param handler the handler
	 * @return the context
	 */
	public static LimeHandlerObservationContext handlerContext(LimeEvent event, LimeLoginHandler handler) {
		return new LimeHandlerObservationContext(type(event), event.requestId(), handler.toString());
	}

	private static String type(LimeEvent event) {
		return event.type().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * An event with its observation, started; whoever takes it last stops it.
	 *
	 * @param event the event
	 * @param context the observation's context
	 * @param observation the observation
	 */
	public record ObservedEvent(LimeEvent event, LimeEventObservationContext context, Observation observation) {

		/**
		 * Stop the observation with an outcome.
		 * @param outcome what became of the event
		 */
		public void end(LimeEventObservationContext.Outcome outcome) {
			this.context.setOutcome(outcome);
			this.observation.stop();
		}

	}

}
