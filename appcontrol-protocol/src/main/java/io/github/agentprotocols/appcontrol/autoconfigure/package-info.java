/**
 * Auto-configuration of app-control: its properties, the mapper from them to the
 * protocol's classes, the condition choosing the helper backend, the environment
 * post-processor feeding the upstream sources ({@code APP_CONTROL_*}, the TOML file) and
 * the failure analyzer.
 * <p>
 * API: {@code AppControlProperties} (bound under {@code app-control}) and the
 * auto-configuration classes, for ordering and exclusion. Everything else is internal.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.autoconfigure;

import org.jspecify.annotations.NullMarked;
