/**
 * Auto-configuration of app-control: its properties, the adapter to AppControlConfig, the
 * environment post-processor feeding the upstream sources and the failure analyzer.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.autoconfigure;

import org.jspecify.annotations.NullMarked;
