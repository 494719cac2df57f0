/**
 * The local service host: runs ServiceRequest envelopes on an AppControlClient, over HTTP
 * (a WebFlux handler) and on a Unix domain socket.
 * <p>
 * API: {@code AppControlServiceHost} and its builder, {@code ServiceRejection},
 * {@code UnixSocketServiceServer}, and, for applications wiring the host without the
 * auto-configuration, {@code AppControlServiceHandler} and
 * {@code UnixSocketServiceLifecycle}.
 */
@NullMarked
package io.github.agentprotocols.appcontrol.service;

import org.jspecify.annotations.NullMarked;
