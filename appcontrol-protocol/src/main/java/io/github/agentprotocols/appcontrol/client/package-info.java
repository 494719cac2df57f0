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
 * Clients that run app-control commands: the client interfaces, event streams, the helper
 * client and its transport, and the clients of a local service host over HTTP and over
 * its Unix socket.
 * <p>
 * API: {@code AppControlClient}, {@code StreamingAppControlClient}, {@code ToolObserver},
 * {@code ToolEvents}, {@code HelperTransport}, {@code UnixSocketHelperTransport},
 * {@code HelperAppControlClient}, {@code AbstractServiceHostClient},
 * {@code HttpAppControlClient}, {@code UnixSocketAppControlClient} and
 * {@code AppControlTransportException}.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.client;

import org.jspecify.annotations.NullMarked;
