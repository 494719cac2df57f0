/**
 * The showcase's app-control demo: a simulated desktop client behind the local service
 * host, and the endpoints of its page.
 */
@NullMarked
package io.github.agentprotocols.samples.showcase.appcontrol;

import org.jspecify.annotations.NullMarked;
