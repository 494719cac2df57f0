/**
 * The x64acp Assistant Communication Protocol: its domain types, error model and the SPIs
 * (such as {@link io.github.agentprotocols.acp.ThreadStore}) that the starter's
 * transports and executor build on.
 */
@NullMarked
package io.github.agentprotocols.acp;

import org.jspecify.annotations.NullMarked;
