/**
 * Spring support of the LIME test kit: a
 * {@link io.github.agentprotocols.lime.test.FakeLimeApi} run for an application context,
 * in tests through
 * {@link io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi}.
 */
@NullMarked
package io.github.agentprotocols.lime.test.context;

import org.jspecify.annotations.NullMarked;
