package io.github.agentprotocols.lime.passport;

import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * RSA keys and RS256 tokens with any payload, for key sources the fake LIME API does not
 * serve.
 */
final class TestTokens {

	private TestTokens() {
	}

	static RSAKey key(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sign(RSAKey key, String payload) {
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new Payload(payload));
		try {
			jws.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	static String login(RSAKey key, String requestId) {
		long now = Instant.now().getEpochSecond();
		return sign(key, "{\"aud\":\"lime-site-login\",\"sub\":\"agent-1\",\"request_id\":\"" + requestId
				+ "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}");
	}

}
