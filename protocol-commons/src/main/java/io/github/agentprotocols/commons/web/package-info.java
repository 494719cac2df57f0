/**
 * What the starters' web servers share.
 */
@NullMarked
package io.github.agentprotocols.commons.web;

import org.jspecify.annotations.NullMarked;
