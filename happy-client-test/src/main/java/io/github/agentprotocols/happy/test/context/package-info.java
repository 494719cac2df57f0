/**
 * Spring support of the Happy test kit: a
 * {@link io.github.agentprotocols.happy.test.FakeHappyServer}, a test account and a fake
 * daemon run for an application context, in tests through
 * {@link io.github.agentprotocols.happy.test.context.AutoConfigureFakeHappyServer}.
 * <p>
 * API: {@link io.github.agentprotocols.happy.test.context.AutoConfigureFakeHappyServer}
 * and {@link io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer}.
 */
@NullMarked
package io.github.agentprotocols.happy.test.context;

import org.jspecify.annotations.NullMarked;
