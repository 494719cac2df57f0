/**
 * LIME agent login for site backends: the {@link io.github.agentprotocols.lime.LimeSite}
 * facade, its results and exceptions, and the SPI of the passport replay store.
 */
@NullMarked
package io.github.agentprotocols.lime;

import org.jspecify.annotations.NullMarked;
