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

package io.github.agentprotocols.happy.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.happy.crypto.AuthChallenge;
import io.github.agentprotocols.happy.wire.Ephemeral;
import io.github.agentprotocols.happy.wire.ErrorBody;
import io.github.agentprotocols.happy.wire.MachineEnvelope;
import io.github.agentprotocols.happy.wire.MessagePage;
import io.github.agentprotocols.happy.wire.MetadataUpdate;
import io.github.agentprotocols.happy.wire.MetadataUpdateAck;
import io.github.agentprotocols.happy.wire.NewMessages;
import io.github.agentprotocols.happy.wire.RpcAck;
import io.github.agentprotocols.happy.wire.RpcCall;
import io.github.agentprotocols.happy.wire.SessionList;
import io.github.agentprotocols.happy.wire.SessionPage;
import io.github.agentprotocols.happy.wire.StoredMessages;
import io.github.agentprotocols.happy.wire.Update;
import io.github.agentprotocols.happy.wire.UpdateEnvelope;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for the Happy client: the wire records Jackson reads from
 * REST bodies and Socket.IO acknowledgements and writes into requests, with the subtypes
 * of the polymorphic updates and ephemerals.
 */
class HappyRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		List<Class<?>> types = new ArrayList<>(List.of(SessionList.class, SessionPage.class, MessagePage.class,
				MachineEnvelope.class, NewMessages.class, StoredMessages.class, MetadataUpdate.class,
				MetadataUpdateAck.class, RpcCall.class, RpcAck.class, UpdateEnvelope.class, Update.class,
				Ephemeral.class, ErrorBody.class, AuthChallenge.class));
		types.addAll(List.of(Update.class.getPermittedSubclasses()));
		types.addAll(List.of(Ephemeral.class.getPermittedSubclasses()));
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				types.toArray(Class<?>[]::new));
	}

}
