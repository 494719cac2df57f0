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

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a thread is created with (the body of {@code POST /threads}, spec §4.1).
 *
 * @param tenant the tenant scope, within the limits of §1.1 ({@code null} becomes
 * {@link TenantScope#PUBLIC})
 * @param metadata opaque metadata, at most 64 KiB as JSON ({@code null} becomes empty)
 */
public record NewThread(TenantScope tenant, Map<String, Object> metadata) {

	/**
	 * Create a new {@code NewThread}, public when no tenant is given.
	 * @param tenant the tenant scope, within the limits of §1.1 ({@code null} becomes
	 * {@link TenantScope#PUBLIC})
	 * @param metadata opaque metadata, at most 64 KiB as JSON ({@code null} becomes
	 * empty)
	 */
	public NewThread {
		tenant = Objects.requireNonNullElse(tenant, TenantScope.PUBLIC).requireWithinLimits();
		metadata = JsonValues.metadata(metadata, "metadata");
	}

	/**
	 * A thread with the given scope and empty metadata.
	 * @param tenant the tenant scope
	 * @return the new thread's description
	 */
	public static NewThread withTenant(@Nullable TenantScope tenant) {
		return new NewThread(tenant, null);
	}

}
