package io.github.agentprotocols.appcontrol.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

/**
 * The host's shared secret, compared in constant time: both sides are hashed first, so
 * neither content nor length leaks through timing.
 */
final class ServiceToken {

	private final byte[] digest;

	ServiceToken(String token) {
		this.digest = sha256(token);
	}

	boolean matches(@Nullable Object candidate) {
		return (candidate instanceof String text) && MessageDigest.isEqual(this.digest, sha256(text.strip()));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
