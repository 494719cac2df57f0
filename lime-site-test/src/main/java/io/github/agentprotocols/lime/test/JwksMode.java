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

/**
 * How the {@link FakeLimeApi} serves {@code GET /core/.well-known/jwks.json}.
 */
public enum JwksMode {

	/**
	 * Inside the LIME envelope, {@code {"ok":true,"data":{"keys":[…]}}}, as read by site
	 * SDK 1.0.1.
	 */
	ENVELOPE,

	/**
	 * As a raw RFC 7517 key set, {@code {"keys":[…]}}, as read by site SDK 1.1.0 and
	 * later.
	 */
	RAW

}
