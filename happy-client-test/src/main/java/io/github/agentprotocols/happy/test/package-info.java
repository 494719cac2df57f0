/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
