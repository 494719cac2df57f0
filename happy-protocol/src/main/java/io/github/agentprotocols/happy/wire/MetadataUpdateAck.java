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

package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement of {@code update-metadata} (spec §5.4).
 *
 * @param result {@code success}, {@code version-mismatch} or {@code error}
 * @param version the new version on success, the current one on a mismatch
 * @param metadata what was written on success, the current metadata on a mismatch
 */
public record MetadataUpdateAck(@Nullable String result, @Nullable Long version, @Nullable String metadata) {

	/** The result of a write that was stored. */
	public static final String SUCCESS = "success";

	/** The result of a write based on a stale version. */
	public static final String VERSION_MISMATCH = "version-mismatch";

}
