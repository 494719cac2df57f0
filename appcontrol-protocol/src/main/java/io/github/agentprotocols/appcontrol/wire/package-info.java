/**
 * The JSON rules of the app-control wire:
 * {@link io.github.agentprotocols.appcontrol.wire.AppControlJson}, the starter's one
 * configured mapper, and the reading of wire text. The wire types themselves are the root
 * package's.
 * <p>
 * API: {@link io.github.agentprotocols.appcontrol.wire.AppControlJson}.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.wire;

import org.jspecify.annotations.NullMarked;
