/**
 * Micrometer Observation instrumentation of LIME agent login: the calls to the LIME API,
 * each event of the stream from its frame to the handlers, each handler run and each
 * passport verification. With Spring Boot's actuator they yield timers; with
 * {@code micrometer-tracing} and a bridge they yield spans, and the calls to LIME carry
 * the trace in their headers.
 * <p>
 * API (public): LimeObservationDocumentation, the observation contexts, their convention
 * interfaces and default conventions, LimeApiOperation and PassportOutcome.
 */
@NullMarked
package io.github.agentprotocols.lime.observation;

import org.jspecify.annotations.NullMarked;
