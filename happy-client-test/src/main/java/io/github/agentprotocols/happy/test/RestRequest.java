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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A REST request as the fake's routes see it.
 *
 * @param method the HTTP method
 * @param path the decoded path, without query
 * @param uri the path and query as sent, echoed by 404 answers
 * @param query the first value of each query parameter
 * @param authorization the {@code Authorization} header, if any
 * @param body the body, empty if none
 */
record RestRequest(String method, String path, String uri, Map<String, String> query, @Nullable String authorization,
		String body) {

}
