package io.github.agentprotocols.lime.passport;

import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the NumericDate claims ({@code exp}, {@code iat}, {@code nbf}) as seconds.
 */
final class NumericDates {

	private NumericDates() {
	}

	/**
	 * Return {@code exp} or {@code iat}, both of which a passport must carry as numbers.
	 * @param claims the claims
	 * @param name {@code exp} or {@code iat}
	 * @return the seconds since the epoch
	 * @throws InvalidPassportException when missing or not a number
	 */
	static double required(Map<String, Object> claims, String name) {
		Double seconds = optional(claims, name);
		if (seconds == null) {
			throw new InvalidPassportException(
					"JWT missing or non-numeric exp or iat claim (" + name + ": " + claims.get(name) + ")");
		}
		return seconds;
	}

	/**
	 * Return a NumericDate claim that may be absent.
	 * @param claims the claims
	 * @param name the claim
	 * @return the seconds since the epoch, or {@code null} when absent or not a number
	 */
	static @Nullable Double optional(Map<String, Object> claims, String name) {
		return (claims.get(name) instanceof Number number) ? number.doubleValue() : null;
	}

}
