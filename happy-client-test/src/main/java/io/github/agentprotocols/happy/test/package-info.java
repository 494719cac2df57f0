/**
 * The Happy test kit: a fake Happy server (REST and Socket.IO), a fake machine daemon and
 * test accounts, for testing Happy clients without the hosted service.
 * <p>
 * API: {@link io.github.agentprotocols.happy.test.FakeHappyServer} with its
 * {@link io.github.agentprotocols.happy.test.FakeHappyFaults} and
 * {@link io.github.agentprotocols.happy.test.RpcTimings},
 * {@link io.github.agentprotocols.happy.test.FakeHappyServerExtension},
 * {@link io.github.agentprotocols.happy.test.HappyTestAccount},
 * {@link io.github.agentprotocols.happy.test.FakeHappyDaemon} and the values they take
 * and give.
 */
@NullMarked
package io.github.agentprotocols.happy.test;

import org.jspecify.annotations.NullMarked;
