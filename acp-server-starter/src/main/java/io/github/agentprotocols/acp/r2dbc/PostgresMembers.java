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

package io.github.agentprotocols.acp.r2dbc;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.MemberAddition;
import io.github.agentprotocols.acp.MemberRemoval;
import io.github.agentprotocols.acp.ThreadMember;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Thread members in PostgreSQL: idempotent add (the primary key decides which of two
 * racing adds is new), remove, lookup and listing in the order added.
 */
final class PostgresMembers {

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	private final PostgresEvents events;

	private final String insertSql;

	private final String findSql;

	private final String listSql;

	private final String deleteSql;

	private final String threadExistsSql;

	PostgresMembers(DatabaseClient client, TransactionalOperator transactions, TablePrefix prefix,
			PostgresEvents events) {
		this.client = client;
		this.transactions = transactions;
		this.events = events;
		this.insertSql = prefix.sql("""
				INSERT INTO ${prefix}thread_members (thread_id, identity_id, identity_role, identity, role, added_at,
						added_by)
				VALUES (:thread_id, :identity_id, :identity_role, :identity, :role, clock_timestamp(), :added_by)
				ON CONFLICT (thread_id, identity_id) DO NOTHING
				RETURNING""" + " " + PostgresRows.MEMBER_COLUMNS);
		this.findSql = prefix.sql("SELECT " + PostgresRows.MEMBER_COLUMNS
				+ " FROM ${prefix}thread_members WHERE thread_id = :thread_id AND identity_id = :identity_id");
		this.listSql = prefix.sql("SELECT " + PostgresRows.MEMBER_COLUMNS
				+ " FROM ${prefix}thread_members WHERE thread_id = :thread_id ORDER BY added_at, identity_id");
		this.deleteSql = prefix.sql("DELETE FROM ${prefix}thread_members"
				+ " WHERE thread_id = :thread_id AND identity_id = :identity_id RETURNING "
				+ PostgresRows.MEMBER_COLUMNS);
		this.threadExistsSql = prefix.sql("SELECT 1 FROM ${prefix}threads WHERE id = :thread_id FOR KEY SHARE");
	}

	Flux<ThreadMember> list(String threadId) {
		return this.client.sql(this.listSql).bind("thread_id", threadId).map(PostgresRows::member).all();
	}

	Mono<ThreadMember> find(String threadId, String identityId) {
		return this.client.sql(this.findSql)
			.bind("thread_id", threadId)
			.bind("identity_id", identityId)
			.map(PostgresRows::member)
			.first();
	}

	Mono<MemberAddition> add(String threadId, Identity identity, String role, Identity actor) {
		return this.client.sql(this.insertSql)
			.bind("thread_id", threadId)
			.bind("identity_id", identity.id())
			.bind("identity_role", identity.role().wireName())
			.bind("identity", PostgresRows.json(identity))
			.bind("role", role)
			.bind("added_by", PostgresRows.json(actor))
			.map(PostgresRows::member)
			.first()
			.flatMap((member) -> this.events
				.appendServerEvent(threadId, null, actor, new EventPayload.MemberAdded(identity))
				.map((event) -> new MemberAddition(member, true, event)))
			.switchIfEmpty(Mono.defer(() -> find(threadId, identity.id()))
				.map((existing) -> new MemberAddition(existing, false, null)))
			.as(this.transactions::transactional);
	}

	Mono<MemberRemoval> remove(String threadId, String identityId, Identity actor) {
		return this.client.sql(this.threadExistsSql)
			.bind("thread_id", threadId)
			.fetch()
			.first()
			.switchIfEmpty(Mono.error(() -> AcpException.notFound("thread not found")))
			.then(this.client.sql(this.deleteSql)
				.bind("thread_id", threadId)
				.bind("identity_id", identityId)
				.map(PostgresRows::member)
				.first())
			.flatMap((member) -> this.events
				.appendServerEvent(threadId, null, actor, new EventPayload.MemberRemoved(member.identity()))
				.map((event) -> new MemberRemoval(member, event)))
			.as(this.transactions::transactional);
	}

}
