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

import org.jspecify.annotations.Nullable;

/**
 * A change to a thread (the body of {@code PATCH /threads/:id}, spec §2.3): a provided
 * field replaces the whole value; at least one field must be provided.
 *
 * @param tenant the new tenant scope, within the limits of §1.1, or {@code null} to keep
 * it
 * @param metadata the new metadata, replacing the old object, or {@code null} to keep it
 */
public record ThreadPatch(@Nullable TenantScope tenant, @Nullable Map<String, Object> metadata) {

	/**
	 * Create a new {@code ThreadPatch}, checking that it changes the tenant, the metadata
	 * or both.
	 * @param tenant the new tenant scope, within the limits of §1.1, or {@code null} to
	 * keep it
	 * @param metadata the new metadata, replacing the old object, or {@code null} to keep
	 * it
	 */
	public ThreadPatch {
		AcpLimits.check(tenant != null || metadata != null, "patch must provide tenant or metadata");
		if (tenant != null) {
			tenant.requireWithinLimits();
		}
		if (metadata != null) {
			metadata = JsonValues.metadata(metadata, "metadata");
		}
	}

	/**
	 * Applies this patch to a thread's tenant.
	 * @param current the thread's tenant
	 * @return the tenant after the patch
	 */
	public TenantScope tenantOr(TenantScope current) {
		return (this.tenant != null) ? this.tenant : current;
	}

	/**
	 * Applies this patch to a thread's metadata.
	 * @param current the thread's metadata
	 * @return the metadata after the patch
	 */
	public Map<String, Object> metadataOr(Map<String, Object> current) {
		return (this.metadata != null) ? this.metadata : current;
	}

}
