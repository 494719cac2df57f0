package io.github.agentprotocols.appcontrol.client;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolObservation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A client of an app-control local service host, whatever the transport: commands run
 * with the {@code run} action, or {@code stream} when an observer wants the events, and
 * every request carries the host's token. Subclasses carry the envelopes; refusals by the
 * host and unreachable hosts throw {@link AppControlTransportException}, tool failures
 * are observations.
 */
public abstract class AbstractServiceHostClient implements StreamingAppControlClient {

	private final @Nullable String token;

	/**
	 * A client sending {@code token} with every request.
	 * @param token the host's token, or null
	 */
	protected AbstractServiceHostClient(@Nullable String token) {
		this.token = token;
	}

	@Override
	public ToolObservation runCommand(ToolCommand command, @Nullable ToolObserver observer) {
		if (observer != null) {
			return StreamingAppControlClient.super.runCommand(command, observer);
		}
		return ServiceEnvelopes.observation(exchange(ServiceRequest.run(command, this.token)));
	}

	@Override
	public Flux<ToolEvent> runStream(ToolCommand command) {
		return stream(ServiceRequest.stream(command, this.token));
	}

	/**
	 * Runs a command on the host, which stores its observation under the request id for
	 * {@link #poll}.
	 * @param command the command
	 * @param requestId the request id, or null to let the host choose
	 * @return the host's answer, carrying the request id and the observation
	 */
	public ServiceResponse submit(ToolCommand command, @Nullable String requestId) {
		return exchange(ServiceRequest.submit(command, requestId, this.token));
	}

	/**
	 * Asks for a submitted command's result.
	 * @param requestId the request id
	 * @return {@code complete} with the observation once finished, {@code complete}
	 * without one while running, or {@code not_found}
	 */
	public ServiceResponse poll(String requestId) {
		return exchange(ServiceRequest.poll(requestId, this.token));
	}

	/**
	 * Sends any request but {@code stream} and returns the host's envelope. A
	 * {@code not_found} answer is returned; a {@code failed} one is thrown.
	 * @param request the request
	 * @return the response
	 * @throws AppControlTransportException if the host is unreachable, refuses the
	 * request or answers with an invalid envelope
	 */
	public abstract ServiceResponse exchange(ServiceRequest request);

	/**
	 * Sends a {@code stream} request and reads the host's events, lazily.
	 * @param request the request
	 * @return the events, ending after the host's final response
	 */
	protected abstract Flux<ToolEvent> stream(ServiceRequest request);

}
