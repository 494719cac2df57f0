/**
 * Passport replay stores.
 */
@NullMarked
package io.github.agentprotocols.lime.store;

import org.jspecify.annotations.NullMarked;
