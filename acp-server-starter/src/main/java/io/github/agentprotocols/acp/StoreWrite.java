package io.github.agentprotocols.acp;

import java.util.List;

/**
 * The result of a {@link ThreadStore} operation that appends to a thread's log: the
 * events it appended, committed and in log order, for the broadcast funnel to publish
 * (spec §5.7).
 */
public interface StoreWrite {

	/**
	 * The events this operation appended, in log order.
	 * @return the events, empty when it appended none
	 */
	List<Event> events();

}
