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

/**
 * How a binding passport's {@code binding_id} is checked when the caller passes no
 * expected binding id. LIME versions disagree: 2.0.0 verifies the claim's presence only
 * and leaves matching it to the application, 1.2.0 required the expected value.
 */
public enum BindingIdCheck {

	/**
	 * A non-blank {@code binding_id} claim is required; the application matches it with
	 * its pending binding (LIME 2.0.0, the default).
	 */
	PRESENT,

	/**
	 * The caller must pass the binding id it expects, and the claim must equal it (LIME
	 * 1.2.0).
	 */
	EXPECTED

}
