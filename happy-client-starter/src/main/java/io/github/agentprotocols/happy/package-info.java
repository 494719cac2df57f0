/**
 * Client of a Happy server: spawns, drives and watches remote agent sessions, end-to-end
 * encrypted.
 */
@NullMarked
package io.github.agentprotocols.happy;

import org.jspecify.annotations.NullMarked;
