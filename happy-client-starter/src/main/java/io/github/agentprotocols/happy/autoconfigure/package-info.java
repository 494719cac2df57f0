/**
 * Auto-configuration of the Happy agent sessions starter.
 */
@NullMarked
package io.github.agentprotocols.happy.autoconfigure;

import org.jspecify.annotations.NullMarked;
