/**
 * The Redis store: sessions, events and paced delivery shared by every instance.
 */
@NullMarked
package io.github.agentprotocols.hpp.redis;

import org.jspecify.annotations.NullMarked;
