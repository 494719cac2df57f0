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

package io.github.agentprotocols.acp.socketio;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.agentprotocols.acp.socketio.EngineIoPackets.Connect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineIoPacketsTests {

	@Test
	void findsAConnectAtTheStartOfAnyPacket() {
		assertThat(EngineIoPackets.containsConnect(payload("40{\"user\":\"a\"}"))).isTrue();
		assertThat(EngineIoPackets.containsConnect(payload("2\u001e40/ns,"))).isTrue();
		assertThat(EngineIoPackets.containsConnect(payload("42[\"e\",{\"x\":\"40\"}]"))).isFalse();
		assertThat(EngineIoPackets.containsConnect(payload("3"))).isFalse();
	}

	@Test
	void splitsAndSlicesOnTheRecordSeparator() {
		ByteBuf payload = payload("40\u001e42[\"é\"]\u001e2");
		assertThat(EngineIoPackets.split(payload)).containsExactly("40", "42[\"é\"]", "2");
		assertThat(EngineIoPackets.slices(payload)).extracting((slice) -> slice.toString(StandardCharsets.UTF_8))
			.containsExactly("40", "42[\"é\"]", "2");
		assertThat(EngineIoPackets.slices(payload("3"))).extracting((slice) -> slice.toString(StandardCharsets.UTF_8))
			.containsExactly("3");
	}

	@Test
	void readsTheNamespaceAndAuthOfAConnect() {
		assertThat(EngineIoPackets.read("40")).isEqualTo(new Connect("", ""));
		assertThat(EngineIoPackets.read("40{\"token\":\"a?b,c\"}")).isEqualTo(new Connect("", "{\"token\":\"a?b,c\"}"));
		assertThat(EngineIoPackets.read("40/admin,{\"token\":\"t\"}"))
			.isEqualTo(new Connect("/admin", "{\"token\":\"t\"}"));
		assertThat(EngineIoPackets.read("40/admin?x=1,")).isEqualTo(new Connect("/admin", ""));
		assertThat(EngineIoPackets.read("40/admin")).isEqualTo(new Connect("/admin", ""));
		assertThat(EngineIoPackets.read("42[\"e\"]")).isNull();
	}

	@Test
	void aConnectWithoutAuthKeepsItsNamespace() {
		assertThat(new Connect("", "{}").withoutAuth()).isEqualTo("40");
		assertThat(new Connect("/admin", "{}").withoutAuth()).isEqualTo("40/admin,");
		assertThat(new Connect("", "").path()).isEqualTo("/");
		assertThat(new Connect("/admin", "").path()).isEqualTo("/admin");
	}

	private static ByteBuf payload(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
	}

}
