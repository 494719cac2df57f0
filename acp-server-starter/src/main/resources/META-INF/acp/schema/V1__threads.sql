-- x64acp storage, version 1 (spec §7.2). ${prefix} is the configured table prefix (default acp_).
-- Every id column uses the "C" collation (W10); every timestamp is a microsecond timestamptz.

CREATE TABLE IF NOT EXISTS ${prefix}threads (
	id TEXT COLLATE "C" PRIMARY KEY,
	tenant JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(tenant) = 'object'),
	metadata JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
	created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
	updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
	last_event_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS ${prefix}threads_tenant_gin ON ${prefix}threads USING GIN (tenant jsonb_path_ops);
CREATE INDEX IF NOT EXISTS ${prefix}threads_tenant_eq ON ${prefix}threads (tenant, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS ${prefix}threads_created_at ON ${prefix}threads (created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS ${prefix}thread_members (
	thread_id TEXT COLLATE "C" NOT NULL REFERENCES ${prefix}threads (id) ON DELETE CASCADE,
	identity_id TEXT COLLATE "C" NOT NULL,
	identity_role TEXT NOT NULL CHECK (identity_role IN ('user', 'assistant', 'system')),
	identity JSONB NOT NULL,
	role TEXT NOT NULL DEFAULT 'member' CHECK (char_length(role) BETWEEN 1 AND 64),
	added_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
	added_by JSONB NOT NULL,
	PRIMARY KEY (thread_id, identity_id),
	CONSTRAINT ${prefix}members_identity_snapshot
		CHECK (identity ->> 'id' = identity_id AND identity ->> 'role' = identity_role)
);
CREATE INDEX IF NOT EXISTS ${prefix}members_identity ON ${prefix}thread_members (identity_id);

CREATE TABLE IF NOT EXISTS ${prefix}runs (
	id TEXT COLLATE "C" PRIMARY KEY,
	thread_id TEXT COLLATE "C" NOT NULL REFERENCES ${prefix}threads (id) ON DELETE CASCADE,
	assistant_id TEXT COLLATE "C" NOT NULL,
	assistant JSONB NOT NULL,
	triggered_by JSONB NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
	error JSONB,
	idempotency_key TEXT,
	metadata JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
	chain_depth INT NOT NULL DEFAULT 0 CHECK (chain_depth >= 0),
	parent_run_id TEXT COLLATE "C",
	owner_node TEXT,
	cancel_requested_at TIMESTAMPTZ,
	heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
	started_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
	completed_at TIMESTAMPTZ,
	CONSTRAINT ${prefix}runs_assistant_snapshot
		CHECK (assistant ->> 'id' = assistant_id AND assistant ->> 'role' = 'assistant'),
	CONSTRAINT ${prefix}runs_error_iff_failed CHECK ((status = 'failed') = (error IS NOT NULL)),
	CONSTRAINT ${prefix}runs_error_shape CHECK (error IS NULL
		OR (jsonb_typeof(error -> 'code') = 'string' AND jsonb_typeof(error -> 'message') = 'string')),
	CONSTRAINT ${prefix}runs_completed_at_iff_terminal
		CHECK ((status IN ('completed', 'failed', 'cancelled')) = (completed_at IS NOT NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}runs_active_per_assistant ON ${prefix}runs (thread_id, assistant_id)
	WHERE status IN ('pending', 'running');
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}runs_idempotency ON ${prefix}runs (thread_id, assistant_id, idempotency_key)
	WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS ${prefix}runs_thread ON ${prefix}runs (thread_id, started_at DESC);
CREATE INDEX IF NOT EXISTS ${prefix}runs_active_age ON ${prefix}runs (heartbeat_at)
	WHERE status IN ('pending', 'running');

CREATE TABLE IF NOT EXISTS ${prefix}invocations (
	thread_id TEXT COLLATE "C" NOT NULL REFERENCES ${prefix}threads (id) ON DELETE CASCADE,
	idempotency_key TEXT NOT NULL,
	assistant_ids TEXT[] NOT NULL,
	run_ids TEXT[] NOT NULL DEFAULT '{}',
	triggered_by_id TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
	PRIMARY KEY (thread_id, idempotency_key),
	CONSTRAINT ${prefix}invocations_runs_parallel
		CHECK (cardinality(run_ids) = 0 OR cardinality(run_ids) = cardinality(assistant_ids))
);

CREATE TABLE IF NOT EXISTS ${prefix}events (
	id TEXT COLLATE "C" PRIMARY KEY,
	thread_id TEXT COLLATE "C" NOT NULL REFERENCES ${prefix}threads (id) ON DELETE CASCADE,
	run_id TEXT COLLATE "C" REFERENCES ${prefix}runs (id) ON DELETE SET NULL,
	type TEXT NOT NULL CHECK (type IN ('message', 'reasoning', 'tool.call', 'tool.result', 'thread.created',
		'thread.member_added', 'thread.member_removed', 'thread.tenant_changed', 'run.started', 'run.completed',
		'run.failed', 'run.cancelled')),
	author_id TEXT COLLATE "C" NOT NULL,
	author JSONB NOT NULL,
	payload JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
	metadata JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
	client_id TEXT,
	created_at TIMESTAMPTZ NOT NULL,
	CONSTRAINT ${prefix}events_author_snapshot CHECK (author ->> 'id' = author_id)
);
CREATE INDEX IF NOT EXISTS ${prefix}events_thread_time ON ${prefix}events (thread_id, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}events_thread_type ON ${prefix}events (thread_id, type, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}events_run ON ${prefix}events (run_id) WHERE run_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}events_client_id ON ${prefix}events (thread_id, author_id, client_id)
	WHERE client_id IS NOT NULL;
