/**
 * What the protocol starters share: the description of an active protocol and the
 * shared-secret check.
 */
@NullMarked
package io.github.agentprotocols.commons;

import org.jspecify.annotations.NullMarked;
