/**
 * Spring Boot's service-connection contract for a Happy server, in a jar both the client
 * starter and the test kit depend on.
 * <p>
 * API: {@link io.github.agentprotocols.happy.connection.HappyConnectionDetails} (needs
 * {@code spring-boot-autoconfigure}, an optional dependency of this module).
 */
@NullMarked
package io.github.agentprotocols.happy.connection;

import org.jspecify.annotations.NullMarked;
