/**
 * The cluster relay: what one instance of the application commits reaches the Socket.IO
 * rooms of the others, over PostgreSQL {@code LISTEN}/{@code NOTIFY} or Redis pub/sub
 * (spec §5.7, cluster).
 * <p>
 * Internal: not API, may change in any release. Applications listen to relayed broadcasts
 * with {@link io.github.agentprotocols.acp.AcpClusterBroadcastListener}.
 */
@NullMarked
package io.github.agentprotocols.acp.cluster;

import org.jspecify.annotations.NullMarked;
