/**
 * The Happy test kit: a fake Happy server (REST and Socket.IO), a fake machine daemon and
 * test accounts, for testing Happy clients without the hosted service.
 */
@NullMarked
package io.github.agentprotocols.happy.test;

import org.jspecify.annotations.NullMarked;
