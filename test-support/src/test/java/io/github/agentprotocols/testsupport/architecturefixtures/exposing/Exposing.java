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

package io.github.agentprotocols.testsupport.architecturefixtures.exposing;

import java.util.List;

import io.github.agentprotocols.testsupport.architecturefixtures.internal.Hidden;

/**
 * Public API that shows internal types: a field, return types (of an internal package and
 * of a type marked internal), a type argument of a parameter and a nested supertype; its
 * private method may use them.
 */
public class Exposing {

	public Hidden field = new Hidden();

	public Hidden hidden() {
		return hidden(List.of());
	}

	public void take(List<Hidden> hidden) {
	}

	public MarkedInternal marked() {
		return new MarkedInternal();
	}

	private Hidden hidden(List<Hidden> hidden) {
		return new Hidden();
	}

	public static class Subclass extends Hidden {

	}

}
