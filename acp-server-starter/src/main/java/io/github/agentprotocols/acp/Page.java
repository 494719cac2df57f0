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

import java.util.List;
import java.util.function.Function;

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

	/**
	 * Create a new {@code Page}, keeping a copy of the items.
	 * @param items the items of this page
	 * @param nextCursor the position of the page's last item when another page follows,
	 * else {@code null}
	 */
	public Page {
		items = List.copyOf(items);
	}

	/**
	 * The page of items fetched with one more than the limit, the extra item telling that
	 * another page follows.
	 * @param <T> the item type
	 * @param fetched at most {@code limit + 1} items in page order
	 * @param limit the page size
	 * @param cursorOf the cursor of an item
	 * @return the first {@code limit} items, with the last one's cursor when an item was
	 * left over
	 */
	public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
		if (fetched.size() <= limit) {
			return new Page<>(fetched, null);
		}
		List<T> items = fetched.subList(0, limit);
		return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
	}

}
