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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.happy.crypto.AccountIdentity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The REST routes of the fake (spec §4): each request is matched to its
 * {@link HappyEndpoint}, its query or body checked as the server's schemas do (a 400
 * comes before authentication, as on the server), its token checked, and answered with
 * the server's shapes and error bodies.
 */
final class RestApi {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final Tokens tokens;

	private final Accounts accounts;

	private final Sessions sessions;

	private final Machines machines;

	private final AccountLinks links = new AccountLinks();

	RestApi(Clock clock, Tokens tokens, Accounts accounts, Sessions sessions, Machines machines) {
		this.clock = clock;
		this.tokens = tokens;
		this.accounts = accounts;
		this.sessions = sessions;
		this.machines = machines;
	}

	/**
	 * The endpoint a request is for.
	 */
	static Route route(String method, String path) {
		HappyEndpoint fixed = switch (method + " " + path) {
			case "GET /" -> HappyEndpoint.ROOT;
			case "GET /health" -> HappyEndpoint.HEALTH;
			case "POST /v1/auth" -> HappyEndpoint.AUTH;
			case "POST /v1/auth/account/request" -> HappyEndpoint.ACCOUNT_LINK_REQUEST;
			case "POST /v1/auth/account/response" -> HappyEndpoint.ACCOUNT_LINK_RESPONSE;
			case "GET /v1/sessions" -> HappyEndpoint.LIST_SESSIONS;
			case "POST /v1/sessions" -> HappyEndpoint.CREATE_SESSION;
			case "GET /v2/sessions" -> HappyEndpoint.PAGE_SESSIONS;
			case "GET /v2/sessions/active" -> HappyEndpoint.LIST_ACTIVE_SESSIONS;
			case "GET /v1/machines" -> HappyEndpoint.LIST_MACHINES;
			case "POST /v1/machines" -> HappyEndpoint.CREATE_MACHINE;
			default -> null;
		};
		if (fixed != null) {
			return new Route(fixed, "");
		}
		String[] segments = path.substring(1).split("/", -1);
		if (segments.length < 3 || segments.length > 4 || segments[2].isEmpty()) {
			return new Route(HappyEndpoint.UNKNOWN, "");
		}
		String shape = method + " /" + segments[0] + "/" + segments[1] + "/:id"
				+ ((segments.length == 4) ? "/" + segments[3] : "");
		HappyEndpoint endpoint = switch (shape) {
			case "GET /v1/machines/:id" -> HappyEndpoint.GET_MACHINE;
			case "DELETE /v1/machines/:id" -> HappyEndpoint.DELETE_MACHINE;
			case "DELETE /v1/sessions/:id" -> HappyEndpoint.DELETE_SESSION;
			case "POST /v1/sessions/:id/archive" -> HappyEndpoint.ARCHIVE_SESSION;
			case "GET /v1/sessions/:id/messages" -> HappyEndpoint.LIST_MESSAGES_V1;
			case "GET /v3/sessions/:id/messages" -> HappyEndpoint.LIST_MESSAGES;
			case "POST /v3/sessions/:id/messages" -> HappyEndpoint.SEND_MESSAGES;
			default -> HappyEndpoint.UNKNOWN;
		};
		return new Route(endpoint, (endpoint != HappyEndpoint.UNKNOWN) ? segments[2] : "");
	}

	RestResponse handle(Route route, RestRequest request) {
		return switch (route.endpoint()) {
			case ROOT -> RestResponse.text(200, "Welcome to Happy Server!");
			case HEALTH ->
				RestResponse.json(200, Json.object("status", "ok", "timestamp", isoNow(), "service", "happy-server"));
			case AUTH -> auth(request);
			case ACCOUNT_LINK_REQUEST -> accountLinkRequest(request);
			case ACCOUNT_LINK_RESPONSE -> accountLinkResponse(request);
			case LIST_SESSIONS -> authenticated(request,
					(account) -> RestResponse.json(200, Json.object("sessions", this.sessions.recent(account))));
			case PAGE_SESSIONS -> pageSessions(request);
			case LIST_ACTIVE_SESSIONS -> activeSessions(request);
			case CREATE_SESSION -> createSession(request);
			case ARCHIVE_SESSION -> authenticated(request, (account) -> this.sessions.archive(account, route.id())
					? success() : RestResponse.error(404, "Session not found"));
			case DELETE_SESSION -> authenticated(request, (account) -> this.sessions.delete(account, route.id())
					? success() : RestResponse.error(404, "Session not found or not owned by user"));
			case LIST_MESSAGES_V1 -> authenticated(request, (account) -> {
				List<Map<String, @Nullable Object>> messages = this.sessions.latestMessages(account, route.id());
				return (messages != null) ? RestResponse.json(200, Json.object("messages", messages))
						: RestResponse.error(404, "Session not found");
			});
			case LIST_MESSAGES -> listMessages(route.id(), request);
			case SEND_MESSAGES -> sendMessages(route.id(), request);
			case LIST_MACHINES ->
				authenticated(request, (account) -> RestResponse.json(200, this.machines.list(account)));
			case GET_MACHINE -> authenticated(request, (account) -> {
				Map<String, @Nullable Object> machine = this.machines.get(account, route.id());
				return (machine != null) ? RestResponse.json(200, Json.object("machine", machine))
						: RestResponse.error(404, "Machine not found");
			});
			case CREATE_MACHINE -> createMachine(request);
			case DELETE_MACHINE -> authenticated(request, (account) -> this.machines.delete(account, route.id())
					? success() : RestResponse.error(404, "Machine not found"));
			case UNKNOWN -> RestResponse.json(404,
					Json.object("error", "Not found", "path", request.uri(), "method", request.method()));
		};
	}

	private RestResponse auth(RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		JsonNode body = check.bodyObject(parse(request.body()));
		String publicKey = (body != null) ? check.string(body, "body/", "publicKey", false, false) : null;
		String challenge = (body != null) ? check.string(body, "body/", "challenge", false, false) : null;
		String signature = (body != null) ? check.string(body, "body/", "signature", false, false) : null;
		RestResponse failure = check.failure();
		if (failure != null || publicKey == null || challenge == null || signature == null) {
			return (failure != null) ? failure : RestResponse.internalError(500);
		}
		byte[] key;
		byte[] signed;
		byte[] detached;
		try {
			key = Base64.getDecoder().decode(publicKey);
			signed = Base64.getDecoder().decode(challenge);
			detached = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return RestResponse.internalError(500);
		}
		if (key.length != 32 || detached.length != 64) {
			return RestResponse.internalError(500);
		}
		if (!AccountIdentity.verify(key, signed, detached)) {
			return RestResponse.error(401, "Invalid signature");
		}
		String account = this.accounts.upsert(HexFormat.of().formatHex(key));
		return RestResponse.json(200, Json.object("success", true, "token", this.tokens.issue(account)));
	}

	private RestResponse accountLinkRequest(RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		JsonNode body = check.bodyObject(parse(request.body()));
		String publicKey = (body != null) ? check.string(body, "body/", "publicKey", false, false) : null;
		RestResponse failure = check.failure();
		if (failure != null || publicKey == null) {
			return (failure != null) ? failure : RestResponse.internalError(500);
		}
		String key = boxPublicKeyHex(publicKey);
		if (key == null) {
			return RestResponse.error(401, "Invalid public key");
		}
		AccountLinks.Answer answer = this.links.request(key);
		if (answer == null) {
			return RestResponse.json(200, Json.object("state", "requested"));
		}
		return RestResponse.json(200, Json.object("state", "authorized", "token", this.tokens.issue(answer.accountId()),
				"response", answer.response()));
	}

	private RestResponse accountLinkResponse(RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		JsonNode body = check.bodyObject(parse(request.body()));
		String response = (body != null) ? check.string(body, "body/", "response", false, false) : null;
		String publicKey = (body != null) ? check.string(body, "body/", "publicKey", false, false) : null;
		RestResponse failure = check.failure();
		if (failure != null || response == null || publicKey == null) {
			return (failure != null) ? failure : RestResponse.internalError(500);
		}
		return authenticated(request, (account) -> {
			String key = boxPublicKeyHex(publicKey);
			if (key == null) {
				return RestResponse.error(401, "Invalid public key");
			}
			return this.links.respond(key, response, account) ? success()
					: RestResponse.error(404, "Request not found");
		});
	}

	/**
	 * A base64 X25519 public key in hex, or {@code null} unless it is 32 bytes.
	 */
	private static @Nullable String boxPublicKeyHex(String base64) {
		try {
			byte[] key = Base64.getDecoder().decode(base64);
			return (key.length == 32) ? HexFormat.of().formatHex(key) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private RestResponse pageSessions(RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		Long limit = check.integer(request.query(), "limit", 1, 200, false, 50L);
		Long changedSince = check.integer(request.query(), "changedSince", 0, Long.MAX_VALUE, true, null);
		RestResponse failure = check.failure();
		if (failure != null) {
			return failure;
		}
		return authenticated(request, (account) -> {
			String cursor = request.query().get("cursor");
			String beforeId = null;
			if (cursor != null && !cursor.isEmpty()) {
				if (!cursor.startsWith("cursor_v1_")) {
					return RestResponse.error(400, "Invalid cursor format");
				}
				beforeId = cursor.substring("cursor_v1_".length());
			}
			return RestResponse.json(200, this.sessions.page(account, beforeId, limit.intValue(), changedSince));
		});
	}

	private RestResponse activeSessions(RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		Long limit = check.integer(request.query(), "limit", 1, 500, false, 150L);
		RestResponse failure = check.failure();
		if (failure != null) {
			return failure;
		}
		return authenticated(request, (account) -> RestResponse.json(200,
				Json.object("sessions", this.sessions.active(account, limit.intValue()))));
	}

	private RestResponse createSession(RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		JsonNode body = check.bodyObject(parse(request.body()));
		String tag = (body != null) ? check.string(body, "body/", "tag", false, false) : null;
		String metadata = (body != null) ? check.string(body, "body/", "metadata", false, false) : null;
		String dataEncryptionKey = null;
		if (body != null) {
			check.string(body, "body/", "agentState", true, true);
			dataEncryptionKey = check.string(body, "body/", "dataEncryptionKey", true, true);
		}
		RestResponse failure = check.failure();
		if (failure != null || tag == null || metadata == null) {
			return (failure != null) ? failure : RestResponse.internalError(500);
		}
		String key = dataEncryptionKey;
		return authenticated(request, (account) -> RestResponse.json(200,
				Json.object("session", this.sessions.createOrLoad(account, tag, metadata, key))));
	}

	private RestResponse listMessages(String sessionId, RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		Long afterSeq = check.integer(request.query(), "after_seq", 0, Long.MAX_VALUE, false, null);
		Long beforeSeq = check.integer(request.query(), "before_seq", 1, Long.MAX_VALUE, false, null);
		Long limit = check.integer(request.query(), "limit", 1, 500, false, 100L);
		RestResponse failure = check.failure();
		if (failure == null && afterSeq != null && beforeSeq != null) {
			check.problem("querystring/", "after_seq and before_seq are mutually exclusive");
			failure = check.failure();
		}
		if (failure != null) {
			return failure;
		}
		return authenticated(request, (account) -> {
			Map<String, @Nullable Object> page = this.sessions.messages(account, sessionId, afterSeq, beforeSeq,
					limit.intValue());
			return (page != null) ? RestResponse.json(200, page) : RestResponse.error(404, "Session not found");
		});
	}

	private RestResponse sendMessages(String sessionId, RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		JsonNode body = check.bodyObject(parse(request.body()));
		Map<String, String> messages = new LinkedHashMap<>();
		if (body != null) {
			JsonNode list = body.get("messages");
			if (list == null || !list.isArray()) {
				check.problem("body/messages", "Invalid input: expected array, received " + SchemaCheck.typeOf(list));
			}
			else if (list.isEmpty()) {
				check.problem("body/messages", "Too small: expected array to have >=1 items");
			}
			else if (list.size() > 100) {
				check.problem("body/messages", "Too big: expected array to have <=100 items");
			}
			else {
				for (int i = 0; i < list.size(); i++) {
					String path = "body/messages/" + i;
					JsonNode item = list.get(i);
					if (!item.isObject()) {
						check.problem(path, "Invalid input: expected object, received " + SchemaCheck.typeOf(item));
						continue;
					}
					String content = check.string(item, path + "/", "content", false, false);
					String localId = check.string(item, path + "/", "localId", false, false);
					if (localId != null && localId.isEmpty()) {
						check.problem(path + "/localId", "Too small: expected string to have >=1 characters");
					}
					else if (content != null && localId != null) {
						messages.putIfAbsent(localId, content);
					}
				}
			}
		}
		RestResponse failure = check.failure();
		if (failure != null) {
			return failure;
		}
		return authenticated(request, (account) -> {
			List<Map<String, @Nullable Object>> stored = this.sessions.post(account, sessionId, messages);
			return (stored != null) ? RestResponse.json(200, Json.object("messages", stored))
					: RestResponse.error(404, "Session not found");
		});
	}

	private RestResponse createMachine(RestRequest request) {
		SchemaCheck check = new SchemaCheck();
		JsonNode body = check.bodyObject(parse(request.body()));
		String id = (body != null) ? check.string(body, "body/", "id", false, false) : null;
		String metadata = (body != null) ? check.string(body, "body/", "metadata", false, false) : null;
		String daemonState = (body != null) ? check.string(body, "body/", "daemonState", true, false) : null;
		String dataEncryptionKey = (body != null) ? check.string(body, "body/", "dataEncryptionKey", true, true) : null;
		RestResponse failure = check.failure();
		if (failure != null || id == null || metadata == null) {
			return (failure != null) ? failure : RestResponse.internalError(500);
		}
		return authenticated(request, (account) -> {
			Map<String, @Nullable Object> machine = this.machines.createOrLoad(account, id, metadata,
					(daemonState == null || daemonState.isEmpty()) ? null : daemonState, dataEncryptionKey);
			return (machine != null) ? RestResponse.json(200, Json.object("machine", machine))
					: RestResponse.internalError(500);
		});
	}

	private RestResponse authenticated(RestRequest request, Authenticated route) {
		String header = request.authorization();
		if (header == null || !header.startsWith("Bearer ")) {
			return RestResponse.error(401, "Missing authorization header");
		}
		String account = this.tokens.accountOf(header.substring("Bearer ".length()));
		if (account == null || !this.accounts.exists(account)) {
			return RestResponse.error(401, "Invalid token");
		}
		return route.answer(account);
	}

	/**
	 * Now as JavaScript's {@code toISOString()} writes it: always three fraction digits
	 * ({@code ISO_INSTANT} drops them on a whole second).
	 */
	private String isoNow() {
		return ISO_MILLIS.format(Instant.now(this.clock));
	}

	private static RestResponse success() {
		return RestResponse.json(200, Json.object("success", true));
	}

	private static @Nullable JsonNode parse(String body) {
		return body.isEmpty() ? null : Json.parseOrNull(body);
	}

	/**
	 * A route's endpoint and the id in its path, if any.
	 */
	record Route(HappyEndpoint endpoint, String id) {

	}

	@FunctionalInterface
	private interface Authenticated {

		RestResponse answer(String accountId);

	}

}
