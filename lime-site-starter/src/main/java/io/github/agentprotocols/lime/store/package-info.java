/**
 * The embedded stores: passports already used and login requests still pending, in the
 * memory of one instance.
 */
@NullMarked
package io.github.agentprotocols.lime.store;

import org.jspecify.annotations.NullMarked;
