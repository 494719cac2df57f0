/**
 * Redis support shared by the starters' Redis stores: Lua scripts kept as {@code .lua}
 * resources.
 */
@NullMarked
package io.github.agentprotocols.commons.redis;

import org.jspecify.annotations.NullMarked;
