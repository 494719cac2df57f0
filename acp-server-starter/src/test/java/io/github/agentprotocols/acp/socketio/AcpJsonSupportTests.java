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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.corundumstudio.socketio.protocol.Event;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.util.RawValue;

import static org.assertj.core.api.Assertions.assertThat;

class AcpJsonSupportTests {

	private final AcpJsonSupport json = new AcpJsonSupport(Set.of("thread:join"));

	@Test
	void readsAKnownEventsArgumentsAsTrees() throws IOException {
		Event event = read("[\"thread:join\",{\"thread_id\":\"th_1\",\"n\":1.5},2]");
		assertThat(event.getName()).isEqualTo("thread:join");
		assertThat(event.getArgs()).containsExactly(AcpJson.parse("{\"thread_id\":\"th_1\",\"n\":1.5}"),
				AcpJson.parse("2"));
	}

	@Test
	void unknownOrMalformedEventsAreNamedUnknown() throws IOException {
		Event unknown = read("[\"thread:rename\",{}]");
		assertThat(unknown.getName()).isEqualTo(AcpJsonSupport.UNKNOWN_EVENT);
		assertThat(unknown.getArgs()).containsExactly("thread:rename");
		for (String malformed : List.of("{\"a\":1}", "[1]", "[]", "[\"thread:join\"")) {
			Event event = read(malformed);
			assertThat(event.getName()).as(malformed).isEqualTo(AcpJsonSupport.UNKNOWN_EVENT);
			assertThat(event.getArgs()).as(malformed).isEmpty();
		}
	}

	@Test
	void writesAcpValuesWithExplicitNullsAndOtherValuesAsNettySocketioDoes() throws IOException {
		assertThat(write(List.of("event", new RawValue("{\"run_id\":null}"))))
			.isEqualTo("[\"event\",{\"run_id\":null}]");
		assertThat(write(List.of(AcpJson.parse("{\"error\":null}")))).isEqualTo("[{\"error\":null}]");
		assertThat(write(Map.of("message", "Invalid namespace"))).isEqualTo("{\"message\":\"Invalid namespace\"}");
		assertThat(this.json.getArrays()).isEmpty();
	}

	private Event read(String text) throws IOException {
		ByteBuf content = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
		try (ByteBufInputStream in = new ByteBufInputStream(content, true)) {
			return this.json.readValue("", in, Event.class);
		}
	}

	private String write(Object value) throws IOException {
		ByteBuf content = Unpooled.buffer();
		try (ByteBufOutputStream out = new ByteBufOutputStream(content)) {
			this.json.writeValue(out, value);
			return content.toString(StandardCharsets.UTF_8);
		}
		finally {
			content.release();
		}
	}

}
