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

package io.github.agentprotocols.lime.passport;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import io.github.agentprotocols.commons.Internal;
import io.github.agentprotocols.lime.LimeException;
import io.github.agentprotocols.lime.client.LimeApiClient;
import io.github.agentprotocols.lime.client.LimeEnvelope;
import io.github.agentprotocols.lime.client.LimeResponse;
import io.github.agentprotocols.lime.observation.LimeApiOperation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

/**
 * A Nimbus {@link ResourceRetriever} for the LIME JWKS: fetches it through the
 * {@link LimeApiClient} (with its retries and timeout) and accepts both the raw RFC 7517
 * document of LIME 1.1.0 and later ({@code {"keys":[…]}}, HTTP 200) and the enveloped one
 * of 1.0.1 ({@code {"ok":true,"data":{"keys":[…]}}}). Only RSA signing keys with a
 * {@code kid} are kept; other or malformed entries are skipped with a warning. Observed
 * as {@code lime.jwks.fetch}, a child of the current observation (the verification's).
 * Blocks: never call it on an event-loop thread.
 */
@Internal
public final class JwksResourceRetriever implements ResourceRetriever {

	private static final Log logger = LogFactory.getLog("lime");

	private final LimeApiClient client;

	/**
	 * Create a retriever that fetches the key set through the LIME API client.
	 * @param client the client
	 */
	public JwksResourceRetriever(LimeApiClient client) {
		this.client = client;
	}

	@Override
	public Resource retrieveResource(URL url) throws IOException {
		try {
			Resource resource = this.client
				.fetch(LimeApiOperation.JWKS_FETCH, url.toURI(),
						(response) -> new Resource(new JWKSet(signingKeys(keys(response))).toString(true),
								"application/json"))
				.block();
			if (resource == null) {
				throw new IOException("No JWKS response from " + url);
			}
			return resource;
		}
		catch (LimeException | URISyntaxException | IllegalStateException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private static JsonNode keys(LimeResponse response) {
		JsonNode root = LimeEnvelope.object(response);
		if (root.has("keys") && !root.has("ok")) {
			if (response.status() != 200) {
				throw new LimeException("Spec document request failed (HTTP " + response.status() + ")", null,
						response.status(), null, null);
			}
			return keysArray(root, response);
		}
		return keysArray(LimeEnvelope.data(response), response);
	}

	private static JsonNode keysArray(JsonNode document, LimeResponse response) {
		JsonNode keys = document.get("keys");
		if (keys == null || !keys.isArray()) {
			throw new LimeException("JWKS document has no keys array (HTTP " + response.status() + ")", null,
					response.status(), null, null);
		}
		return keys;
	}

	private static List<JWK> signingKeys(JsonNode keys) {
		List<JWK> kept = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			JsonNode entry = keys.get(i);
			try {
				kept.add(signingKey(entry));
			}
			catch (ParseException | JOSEException ex) {
				logger.warn("Skipping JWKS entry " + i + ": " + ex.getMessage());
			}
		}
		return kept;
	}

	private static RSAKey signingKey(JsonNode entry) throws ParseException, JOSEException {
		if (!entry.isObject()) {
			throw new ParseException("not a JSON object", 0);
		}
		if (!(JWK.parse(entry.toString()) instanceof RSAKey key)) {
			throw new ParseException("not an RSA key", 0);
		}
		if (key.getKeyID() == null || key.getKeyID().isBlank()) {
			throw new ParseException("no kid", 0);
		}
		if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
			throw new ParseException("use is not sig", 0);
		}
		if (key.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(key.getAlgorithm())) {
			throw new ParseException("alg is not RS256", 0);
		}
		key.toRSAPublicKey();
		return key.toPublicJWK();
	}

}
