package io.github.agentprotocols.acp;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list of threads or events (spec §2.9).
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor the position of the page's last item when another page follows, else
 * {@code null}
 */
public record Page<T>(List<T> items, @Nullable Cursor nextCursor) {

	public Page {
		items = List.copyOf(items);
	}

}
