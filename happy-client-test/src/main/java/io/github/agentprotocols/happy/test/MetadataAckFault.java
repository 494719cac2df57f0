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

/**
 * How a {@link FakeHappyServer} answers an {@code update-metadata} it was told to fail
 * (see {@link FakeHappyFaults#metadataAck}); the metadata is never stored.
 */
public enum MetadataAckFault {

	/**
	 * The acknowledgement {@code {"result":"error"}}, as the server answers a write it
	 * refuses.
	 */
	ERROR,

	/**
	 * An acknowledgement that is not an object: the string {@code "malformed"}.
	 */
	MALFORMED,

	/**
	 * No acknowledgement at all, as the server does for an unknown or foreign session:
	 * only the client's ack timeout ends the call.
	 */
	NONE

}
