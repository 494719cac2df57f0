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
 * An encrypted value and its version, as {@code update-session} and
 * {@code update-machine} carry them (spec §5.3).
 *
 * @param value the encrypted value (base64), or {@code null}
 * @param version its version
 */
public record VersionedValue(@Nullable String value, long version) {

}
