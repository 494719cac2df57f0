/**
 * The in-memory session store and the session encoding stores share.
 */
@NullMarked
package io.github.agentprotocols.hpp.store;

import org.jspecify.annotations.NullMarked;
