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

package io.github.agentprotocols.acp.web;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The 13 REST endpoints of x64acp (spec §4.13) under a base path, and below it an answer
 * in the error shape for every other path (404) and method (405).
 */
public final class AcpRoutes {

	private AcpRoutes() {
	}

	/**
	 * Routes the REST API.
	 * @param basePath the prefix, such as {@code /acp}, without a trailing slash
	 * @param handlers the handlers
	 * @return the router function
	 */
	public static RouterFunction<ServerResponse> of(String basePath, AcpHandlers handlers) {
		String threads = basePath + "/threads";
		String thread = threads + "/{threadId}";
		String members = thread + "/members";
		String member = members + "/{identityId}";
		String events = thread + "/events";
		String messages = thread + "/messages";
		String invocations = thread + "/invocations";
		String run = basePath + "/runs/{runId}";
		List<PathPattern> paths = Stream.of(threads, thread, members, member, events, messages, invocations, run)
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
		return RouterFunctions.route()
			.POST(threads, handlers::createThread)
			.GET(threads, handlers::listThreads)
			.GET(thread, handlers::getThread)
			.PATCH(thread, handlers::updateThread)
			.DELETE(thread, handlers::deleteThread)
			.GET(events, handlers::events)
			.GET(members, handlers::members)
			.POST(members, handlers::addMember)
			.DELETE(member, handlers::removeMember)
			.POST(messages, handlers::sendMessage)
			.POST(invocations, handlers::invoke)
			.GET(run, handlers::getRun)
			.DELETE(run, handlers::cancelRun)
			.route((request) -> path(request).startsWith(basePath + "/"),
					(request) -> handlers.unmatched(paths.stream()
						.anyMatch((pattern) -> pattern.matches(request.requestPath().pathWithinApplication()))))
			.build();
	}

	private static String path(ServerRequest request) {
		return request.requestPath().pathWithinApplication().value();
	}

}
