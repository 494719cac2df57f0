/**
 * Session broadcast and paced delivery within one instance.
 */
@NullMarked
package io.github.agentprotocols.hpp.event;

import org.jspecify.annotations.NullMarked;
