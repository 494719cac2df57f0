/**
 * The app-control configuration (the TOML sections and the APP_CONTROL_* environment
 * variables), loadable without Spring.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.config;

import org.jspecify.annotations.NullMarked;
