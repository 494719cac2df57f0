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
