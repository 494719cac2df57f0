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

package io.github.agentprotocols.happy.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.core.HappyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HappyJsonTests {

	@Test
	void sessionRecordIsReadWithUnknownFieldsIgnored() {
		SessionRecord record = HappyJson.read("""
				{"id":"cmw1","seq":6,"createdAt":1795333035000,"updatedAt":1795333041000,"active":true,
				 "activeAt":1795333041103,"metadata":"bWV0YQ==","metadataVersion":3,"agentState":null,
				 "agentStateVersion":0,"dataEncryptionKey":null,"lastMessage":null,"newField":{"x":1}}""",
				SessionRecord.class);
		assertThat(record.id()).isEqualTo("cmw1");
		assertThat(record.seq()).isEqualTo(6);
		assertThat(record.active()).isTrue();
		assertThat(record.metadataVersion()).isEqualTo(3);
		assertThat(record.agentState()).isNull();
		assertThat(record.dataEncryptionKey()).isNull();
	}

	@Test
	void machinesListIsABareArray() {
		MachineRecord[] machines = HappyJson.read("""
				[{"id":"ac7a","metadata":"bQ==","metadataVersion":1,"daemonState":null,"daemonStateVersion":1,
				  "dataEncryptionKey":"ZGVr","seq":0,"active":true,"activeAt":5,"createdAt":1,"updatedAt":2}]""",
				MachineRecord[].class);
		assertThat(machines).hasSize(1);
		assertThat(machines[0].dataEncryptionKey()).isEqualTo("ZGVr");
		assertThat(machines[0].activeAt()).isEqualTo(5);
	}

	@Test
	void sessionPageCarriesItsCursor() {
		SessionPage page = HappyJson.read("{\"sessions\":[],\"nextCursor\":\"cursor_v1_abc\",\"hasNext\":true}",
				SessionPage.class);
		assertThat(page.nextCursor()).isEqualTo("cursor_v1_abc");
		assertThat(page.hasNext()).isTrue();
	}

	@Test
	void messagePageIsRead() {
		MessagePage page = HappyJson.read("""
				{"messages":[{"id":"m1","seq":3,"content":{"t":"encrypted","c":"Yw=="},"localId":null,
				 "createdAt":1,"updatedAt":1}],"hasMore":false}""", MessagePage.class);
		assertThat(page.messages()).singleElement().satisfies((message) -> {
			assertThat(message.seq()).isEqualTo(3);
			assertThat(message.content().c()).isEqualTo("Yw==");
		});
	}

	@SpecItem("HAPPY-8.9.1")
	@Test
	void newMessagesAreWrittenAsTheServerExpects() {
		String json = HappyJson.write(new NewMessages(java.util.List.of(new NewMessages.NewMessage("Yw==", "l1"))));
		assertThat(json).isEqualTo("{\"messages\":[{\"content\":\"Yw==\",\"localId\":\"l1\"}]}");
	}

	@SpecItem("HAPPY-8.8.2")
	@Test
	void metadataUpdateIsWrittenWithItsExpectedVersion() {
		assertThat(HappyJson.write(new MetadataUpdate("s1", "bQ==", 4)))
			.isEqualTo("{\"sid\":\"s1\",\"metadata\":\"bQ==\",\"expectedVersion\":4}");
	}

	@SpecItem("HAPPY-8.8.2")
	@Test
	void metadataAcksAreRead() {
		MetadataUpdateAck mismatch = HappyJson
			.read("{\"result\":\"version-mismatch\",\"version\":7,\"metadata\":\"bQ==\"}", MetadataUpdateAck.class);
		assertThat(mismatch.result()).isEqualTo(MetadataUpdateAck.VERSION_MISMATCH);
		assertThat(mismatch.version()).isEqualTo(7);
		MetadataUpdateAck error = HappyJson.read("{\"result\":\"error\"}", MetadataUpdateAck.class);
		assertThat(error.version()).isNull();
	}

	@Test
	void rpcAcksAreRead() {
		assertThat(HappyJson.read("{\"ok\":true,\"result\":\"cg==\"}", RpcAck.class))
			.isEqualTo(new RpcAck(true, "cg==", null));
		assertThat(HappyJson.read("{\"ok\":false,\"error\":\"RPC method not available\"}", RpcAck.class))
			.isEqualTo(new RpcAck(false, null, "RPC method not available"));
	}

	@Test
	void updatesAreToldApartByT() {
		UpdateEnvelope message = HappyJson
			.read("""
					{"id":"u1","seq":9,"createdAt":1,"body":{"t":"new-message","sid":"s1",
					 "message":{"id":"m1","seq":2,"content":{"t":"encrypted","c":"Yw=="},"localId":"l","createdAt":1,"updatedAt":1}}}""",
					UpdateEnvelope.class);
		assertThat(message.body()).isInstanceOfSatisfying(Update.NewMessage.class, (update) -> {
			assertThat(update.sid()).isEqualTo("s1");
			assertThat(update.message().seq()).isEqualTo(2);
		});
		UpdateEnvelope state = HappyJson.read("""
				{"id":"u2","seq":10,"createdAt":1,"body":{"t":"update-session","id":"s1",
				 "agentState":{"value":null,"version":3}}}""", UpdateEnvelope.class);
		assertThat(state.body()).isInstanceOfSatisfying(Update.UpdateSession.class, (update) -> {
			assertThat(update.metadata()).isNull();
			assertThat(update.agentState()).isEqualTo(new VersionedValue(null, 3));
		});
	}

	@Test
	void unknownUpdatesAndEphemeralsReadAsOther() {
		UpdateEnvelope other = HappyJson.read(
				"{\"id\":\"u\",\"seq\":1,\"createdAt\":1,\"body\":{\"t\":\"kv-batch-update\"}}", UpdateEnvelope.class);
		assertThat(other.body()).isInstanceOf(Update.Other.class);
		assertThat(HappyJson.read("{\"type\":\"usage\",\"id\":\"s\"}", Ephemeral.class))
			.isInstanceOf(Ephemeral.Other.class);
	}

	@Test
	void ephemeralsAreToldApartByType() {
		assertThat(
				HappyJson.read("{\"type\":\"activity\",\"id\":\"s1\",\"active\":true,\"activeAt\":5,\"thinking\":true}",
						Ephemeral.class))
			.isEqualTo(new Ephemeral.Activity("s1", true, 5, true));
		assertThat(HappyJson.read(
				"{\"type\":\"session-event\",\"sessionId\":\"s1\",\"kind\":\"done\",\"title\":\"t\",\"body\":\"b\",\"timestamp\":1}",
				Ephemeral.class))
			.isEqualTo(new Ephemeral.SessionEvent("s1", "done", "t", "b"));
	}

	@SpecItem("HAPPY-10.13")
	@Test
	void malformedJsonIsAHappyException() {
		assertThatExceptionOfType(MalformedWireException.class).isThrownBy(() -> HappyJson.read("{", RpcAck.class))
			.isInstanceOf(HappyException.class);
		assertThatExceptionOfType(MalformedWireException.class).isThrownBy(() -> HappyJson.read("null", RpcAck.class));
	}

	@Test
	void plainValuesAreImmutableInDocumentOrderWithIntegersAsLongs() {
		Object value = HappyJson.readValue("{\"b\":1,\"a\":[true,null,\"x\"]}".getBytes(StandardCharsets.UTF_8));
		assertThat(value).isInstanceOfSatisfying(Map.class, (map) -> {
			assertThat(map.keySet()).containsExactly("b", "a");
			assertThat(map.get("b")).isEqualTo(1L);
			assertThat((List<Object>) map.get("a")).containsExactly(true, null, "x");
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> map.put("c", 2));
		});
		assertThatExceptionOfType(MalformedWireException.class)
			.isThrownBy(() -> HappyJson.readValue("{".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void treesAreReadAndMalformedOnesRefused() {
		assertThat(HappyJson.readTree("{\"ok\":true}").get("ok").asBoolean()).isTrue();
		assertThatExceptionOfType(MalformedWireException.class).isThrownBy(() -> HappyJson.readTree("{\"ok\""));
	}

}
