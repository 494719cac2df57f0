/**
 * WebFlux pieces the protocol starters share: the size-limited request body reader.
 */
@NullMarked
package io.github.agentprotocols.commons.web;

import org.jspecify.annotations.NullMarked;
