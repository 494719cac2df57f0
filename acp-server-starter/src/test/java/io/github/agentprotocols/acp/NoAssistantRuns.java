package io.github.agentprotocols.acp;

import java.util.Collection;

import reactor.core.publisher.Mono;

/**
 * The {@link AssistantRuns} of tests that start no run: no assistant is registered.
 */
public class NoAssistantRuns implements AssistantRuns {

	@Override
	public boolean isRegistered(String assistantId) {
		return false;
	}

	@Override
	public Mono<Invocation> invoke(String threadId, InvocationRequest request) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> cancel(Run run) {
		return Mono.empty();
	}

	@Override
	public void abandon(Collection<Run> runs) {
	}

}
