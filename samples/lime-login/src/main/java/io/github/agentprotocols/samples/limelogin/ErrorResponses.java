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

package io.github.agentprotocols.samples.limelogin;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The JSON error answers of the page's API, {@code {"status": 404, "error": "…"}}, in
 * JSON whatever the request accepted (an {@code EventSource} accepts only
 * {@code text/event-stream}).
 */
final class ErrorResponses {

	private ErrorResponses() {
	}

	static Builder of(HttpStatus status, String message) {
		return new Builder(status, message);
	}

	static final class Builder {

		private final ResponseEntity.BodyBuilder response;

		private final Map<String, Object> body;

		private Builder(HttpStatus status, String message) {
			this.response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
			this.body = Map.of("status", status.value(), "error", message);
		}

		Builder retryAfter(Duration retryAfter) {
			this.response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
			return this;
		}

		ResponseEntity<Map<String, Object>> build() {
			return this.response.body(this.body);
		}

	}

}
