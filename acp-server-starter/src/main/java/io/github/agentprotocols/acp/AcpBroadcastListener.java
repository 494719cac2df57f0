package io.github.agentprotocols.acp;

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

}
