package io.github.agentprotocols.lime;

import reactor.core.publisher.Mono;

/**
 * The record the instances of a site keep of the LIME event stream, so that whichever of
 * them reads it next resumes where the last reader stopped and no event is handled twice:
 * the id of the last event read (sent as {@code Last-Event-ID} by the next reader) and
 * the events already taken on for handling. The dispatcher claims each event before its
 * handlers run and records each event id once the event is claimed, in the order the
 * stream gave them. A single instance needs none.
 */
public interface LimeEventLog {

	/**
	 * The id of the last event read by any instance.
	 * @return the id, or empty when none was recorded
	 */
	Mono<String> lastEventId();

	/**
	 * Record the id of the last event read.
	 * @param lastEventId the event id
	 * @return completes once recorded
	 */
	Mono<Void> advance(String lastEventId);

	/**
	 * Take on an event for handling, atomically, unless an instance took it on before.
	 * @param event the approval or expiry
	 * @return {@code true} when this call took it on, {@code false} when it was taken
	 * before
	 */
	Mono<Boolean> claim(LimeEvent event);

}
