/**
 * What the starters' web servers share: the size-limited request body reader and the
 * Reactor Netty keep-alive setting.
 */
@NullMarked
package io.github.agentprotocols.commons.web;

import org.jspecify.annotations.NullMarked;
