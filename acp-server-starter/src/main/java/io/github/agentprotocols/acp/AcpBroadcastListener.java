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

package io.github.agentprotocols.acp;

import reactor.core.publisher.Mono;

/**
 * Receives what the {@link AcpBroadcaster} delivers: the Socket.IO transport emits it to
 * the thread's room, a test records it. Declared as beans, listeners are called in their
 * {@link org.springframework.core.annotation.Order order}.
 * <p>
 * Calls for one thread never overlap and follow the thread's log order; calls for
 * different threads may run at the same time. A listener must not block: it runs while
 * the thread's next write waits. An exception it throws is logged and changes nothing
 * else (spec §5.7).
 */
@FunctionalInterface
public interface AcpBroadcastListener {

	/**
	 * Delivers one notification.
	 * @param broadcast the notification
	 */
	void onBroadcast(AcpBroadcast broadcast);

	/**
	 * Completes once what this listener was handed so far has left the instance; the
	 * broadcaster answers a write whose broadcasts it delivered only then. At once unless
	 * overridden: the cluster relay completes once the broadcasts were sent to the other
	 * instances, so that an instance killed after answering a write had told them of it.
	 * @return completes once the broadcasts handed over so far were passed on
	 */
	default Mono<Void> passedOn() {
		return Mono.empty();
	}

}
