/**
 * What every Happy client and server shares: the account's credentials and the base of
 * every Happy exception.
 * <p>
 * API: {@link io.github.agentprotocols.happy.core.HappyCredentials} (with
 * {@link io.github.agentprotocols.happy.core.SecretKind}),
 * {@link io.github.agentprotocols.happy.core.HappyException} and its subclasses here.
 */
@NullMarked
package io.github.agentprotocols.happy.core;

import org.jspecify.annotations.NullMarked;
