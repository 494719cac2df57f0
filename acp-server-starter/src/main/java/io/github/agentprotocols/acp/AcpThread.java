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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A thread (spec §2.3): a shared conversation with a tenant scope, opaque metadata, an
 * ordered event log, members and runs. Inside this package the name shadows
 * {@code Thread}.
 *
 * @param id the thread id, {@code th_…} for threads created here
 * @param tenant the tenant scope that decides visibility
 * @param metadata opaque metadata
 * @param createdAt when the thread was created (database clock), in microseconds
 * @param updatedAt when the thread was last patched, in microseconds; appending events
 * does not change it
 */
public record AcpThread(String id, TenantScope tenant, Map<String, Object> metadata, Instant createdAt,
		Instant updatedAt) {

	/**
	 * Create a new {@code AcpThread}, storing its timestamps at microsecond precision as
	 * PostgreSQL does.
	 * @param id the thread id, {@code th_…} for threads created here
	 * @param tenant the tenant scope that decides visibility
	 * @param metadata opaque metadata
	 * @param createdAt when the thread was created (database clock), in microseconds
	 * @param updatedAt when the thread was last patched, in microseconds; appending
	 * events does not change it
	 */
	public AcpThread {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(tenant, "tenant");
		metadata = JsonValues.object(metadata);
		createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
		updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Whether this thread is visible to the given identity by the subset match of §2.2.
	 * @param identity the identity
	 * @return whether the thread's scope is a subset of the identity's
	 */
	public boolean isVisibleTo(Identity identity) {
		return this.tenant.isVisibleTo(identity.tenant());
	}

	/**
	 * The thread's position in the newest-first thread list, usable as a cursor.
	 * @return {@code (createdAt, id)}
	 */
	public Cursor cursor() {
		return new Cursor(this.createdAt, this.id);
	}

}
