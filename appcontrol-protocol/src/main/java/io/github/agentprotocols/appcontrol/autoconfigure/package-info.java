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
 * Auto-configuration of app-control: its properties, the mapper from them to the
 * protocol's classes, the condition choosing the helper backend, the environment
 * post-processor feeding the upstream sources ({@code APP_CONTROL_*}, the TOML file), the
 * failure analyzer and the customizers of the builders the auto-configuration prepares.
 * <p>
 * API: {@code AppControlProperties} (bound under {@code app-control}),
 * {@code AppControlServiceHostBuilderCustomizer},
 * {@code HttpAppControlClientBuilderCustomizer} and the auto-configuration classes, for
 * ordering and exclusion. Everything else is internal.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.autoconfigure;

import org.jspecify.annotations.NullMarked;
