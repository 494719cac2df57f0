/**
 * Happy's key derivation, signatures and both record encryption schemes (NaCl secretbox
 * and AES-256-GCM): pure functions over byte arrays, usable without Spring.
 * <p>
 * API: the types public here (for tools and fakes that encrypt or decrypt Happy records,
 * such as the {@code happy-client-test} kit); a client needs none of them.
 */
@NullMarked
package io.github.agentprotocols.happy.crypto;

import org.jspecify.annotations.NullMarked;
