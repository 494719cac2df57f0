/**
 * The app-control configuration (the TOML sections and the APP_CONTROL_* environment
 * variables), loadable without Spring.
 * <p>
 * API: {@code AppControlConfig} and its section records, {@code AppControlConfigLoader}
 * and {@code AppControlConfigException}. {@code EnvironmentOverrides} is public for the
 * auto-configuration: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.config;

import org.jspecify.annotations.NullMarked;
