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
