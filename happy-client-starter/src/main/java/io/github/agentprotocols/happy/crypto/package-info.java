/**
 * Happy's key derivation, signatures and both record encryption schemes (NaCl secretbox
 * and AES-256-GCM): pure functions over byte arrays, usable without Spring.
 */
@NullMarked
package io.github.agentprotocols.happy.crypto;

import org.jspecify.annotations.NullMarked;
