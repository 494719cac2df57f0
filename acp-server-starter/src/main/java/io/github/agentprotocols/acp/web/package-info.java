/**
 * The REST transport of x64acp (spec §4): routes, handlers, request parsing and the error
 * body.
 * <p>
 * Internal: not API, may change in any release.
 */
@NullMarked
package io.github.agentprotocols.acp.web;

import org.jspecify.annotations.NullMarked;
