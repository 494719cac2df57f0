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

/**
 * What the protocol starters share: the description of an active protocol, the lifecycle
 * phase of background work, the shared-secret check, and the mark of internal code.
 * <p>
 * API: {@link io.github.agentprotocols.commons.Internal}. The rest of
 * {@code protocol-commons} is internal: a support library of the starters, not API, may
 * change in any release.
 */
@NullMarked
package io.github.agentprotocols.commons;

import org.jspecify.annotations.NullMarked;
