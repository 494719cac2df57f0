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

package io.github.agentprotocols.acp.wire;

import java.util.function.Function;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadPatch;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A Jackson module that writes and reads ACP types exactly as {@link AcpJson} does, for
 * mappers (such as WebFlux codecs) that serve ACP endpoints. It registers serializers and
 * deserializers for ACP types only and changes nothing else in the mapper.
 */
class AcpJacksonModule extends SimpleModule {

	public AcpJacksonModule() {
		super("acp");
		for (Class<?> type : new Class<?>[] { Event.class, AcpThread.class, ThreadMember.class, Run.class,
				RunError.class, Identity.class, TenantScope.class, ContentPart.class, EventDraft.class, Page.class,
				Cursor.class }) {
			addSerializer(type, new TreeSerializer());
		}
		reader(Identity.class, AcpJson::readIdentity);
		reader(TenantScope.class, AcpJson::readTenantScope);
		reader(ContentPart.class, AcpJson::readContentPart);
		reader(EventDraft.class, AcpJson::readEventDraft);
		reader(NewThread.class, AcpJson::readNewThread);
		reader(ThreadPatch.class, AcpJson::readThreadPatch);
		reader(Event.class, AcpJson::readEvent);
		reader(RunError.class, AcpJson::readRunError);
		reader(Cursor.class, AcpJson::readCursor);
		reader(AcpThread.class, AcpJson::readThread);
		reader(ThreadMember.class, AcpJson::readThreadMember);
		reader(Run.class, AcpJson::readRun);
	}

	private <T> void reader(Class<T> type, Function<JsonNode, T> read) {
		addDeserializer(type, new TreeDeserializer<>(read));
	}

	private static final class TreeSerializer extends ValueSerializer<Object> {

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
			generator.writeTree(AcpJson.toTree(value));
		}

	}

	private static final class TreeDeserializer<T> extends ValueDeserializer<T> {

		private final Function<JsonNode, T> read;

		TreeDeserializer(Function<JsonNode, T> read) {
			this.read = read;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			return this.read.apply(context.readTree(parser));
		}

	}

}
