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

import org.jspecify.annotations.Nullable;

/**
 * A patched thread (spec §4.4).
 *
 * @param previous the thread before the patch
 * @param thread the thread after it, {@code updatedAt} increased
 * @param tenantChanged the {@code thread.tenant_changed} event when the tenant changed,
 * else {@code null}
 */
public record ThreadUpdate(AcpThread previous, AcpThread thread, @Nullable Event tenantChanged) implements StoreWrite {

	@Override
	public List<Event> events() {
		return (this.tenantChanged != null) ? List.of(this.tenantChanged) : List.of();
	}

}
