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

package io.github.agentprotocols.happy.test;

import io.github.agentprotocols.happy.wire.HappyJson;

/**
 * A REST answer of the fake.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body
 */
record RestResponse(int status, String contentType, String body) {

	private static final String JSON = "application/json; charset=utf-8";

	static RestResponse json(int status, Object body) {
		return new RestResponse(status, JSON, HappyJson.write(body));
	}

	static RestResponse text(int status, String body) {
		return new RestResponse(status, "text/plain; charset=utf-8", body);
	}

	static RestResponse error(int status, String error) {
		return json(status, Json.object("error", error));
	}

	/**
	 * The server's answer to a failure inside a route.
	 */
	static RestResponse internalError(int status) {
		return json(status, Json.object("error", "Internal Server Error", "message", "An unexpected error occurred",
				"statusCode", status));
	}

}
