/**
 * Spring support of the LIME test kit: a
 * {@link io.github.agentprotocols.lime.test.FakeLimeApi} run for an application context.
 * <p>
 * API: {@link io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi} and
 * {@link io.github.agentprotocols.lime.test.context.FakeLimeApiInitializer}; the rest is
 * internal.
 */
@NullMarked
package io.github.agentprotocols.lime.test.context;

import org.jspecify.annotations.NullMarked;
