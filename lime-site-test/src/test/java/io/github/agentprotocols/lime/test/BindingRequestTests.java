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

package io.github.agentprotocols.lime.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import io.github.agentprotocols.lime.wire.LimeJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding requests (spec §9.2) and the fake's hosted connect page.
 */
class BindingRequestTests {

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension();

	@Test
	void createAnswers201WithAConnectUrl(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		HttpResponse<String> created = site.post("/modules/bindings/requests", fake.siteToken(),
				"{\"redirect_uri\":\"https://app.example/callback\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode data = SiteClient.data(created);
		String bindingId = data.get("binding_id").asString();
		assertThat(bindingId).startsWith("br_");
		assertThat(data.get("connect_url").asString()).isEqualTo(fake.origin() + "/connect/?binding_id=" + bindingId);
		assertThat(data.get("status").asString()).isEqualTo("PENDING");
		assertThat(data.get("expires_at").asString()).endsWith("+00:00");
	}

	@Test
	void createWithoutAUsableRedirectUriIsAValidationError(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		for (String body : new String[] { "{}", "{\"redirect_uri\":\"\"}", "{\"redirect_uri\":\"/relative\"}",
				"{\"redirect_uri\":42}", "not json" }) {
			HttpResponse<String> response = site.post("/modules/bindings/requests", fake.siteToken(), body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(SiteClient.json(response).get("error").get("code").asString()).isEqualTo("VALIDATION_ERROR");
		}
	}

	@Test
	void connectPageRedirectsToTheSiteWithABindingPassport(FakeLimeApi fake) throws Exception {
		SiteClient site = new SiteClient(fake);
		String bindingId = SiteClient.data(site.post("/modules/bindings/requests", fake.siteToken(),
				"{\"redirect_uri\":\"https://app.example/callback?state=1\"}"))
			.get("binding_id")
			.asString();
		HttpResponse<Void> redirect = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(fake.origin() + "/connect/?binding_id=" + bindingId)).build(),
					HttpResponse.BodyHandlers.discarding());
		assertThat(redirect.statusCode()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://app.example/callback?state=1&passport=");
		String jwt = location.substring(location.indexOf("passport=") + "passport=".length());
		JsonNode claims = LimeJson.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		assertThat(claims.get("binding_id").asString()).isEqualTo(bindingId);
		assertThat(claims.get("aud").asString()).isEqualTo("lime-binding");
		assertThat(fake.completeBinding(bindingId)).as("a binding completes once").isNull();
	}

	@Test
	void connectPageRejectsUnknownBindings(FakeLimeApi fake) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(fake.origin() + "/connect/?binding_id=br_unknown")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(SiteClient.json(response).get("error").get("code").asString()).isEqualTo("BINDING_NOT_FOUND");
	}

}
