// Drives the ACP Socket.IO transport with the official socket.io-client v4, over each
// transport, against a running application whose fixture authenticates `auth.user` on
// Socket.IO and `x-user` on REST. Arguments: the application's base URL, optionally the
// Socket.IO server's own (its direct port) when the sockets should not use the application's,
// and optionally the Engine.IO path (the client's default, /socket.io, otherwise).
// Prints one JSON line; `"ok":true` when every check passed.
import { io } from "socket.io-client";

const base = process.argv[2];
const socketBase = process.argv[3] ?? base;
const path = process.argv[4];
const checks = [];

function check(name, condition, detail) {
  checks.push(name);
  if (!condition) {
    throw new Error(`${name} failed: ${JSON.stringify(detail)}`);
  }
}

async function rest(method, path, body) {
  const response = await fetch(`${base}/acp${path}`, {
    method,
    headers: { "x-user": "alice", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function open(transport, auth) {
  const options = { transports: [transport], forceNew: true, reconnection: false, timeout: 30000 };
  if (path !== undefined) {
    options.path = path;
  }
  if (auth !== undefined) {
    options.auth = auth;
  }
  const socket = io(socketBase, options);
  socket.received = [];
  for (const event of ["event", "thread:updated", "members:updated", "run:updated", "thread:removed"]) {
    socket.on(event, (data) => socket.received.push({ event, data }));
  }
  return socket;
}

function connected(socket) {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => reject(new Error(`connect refused: ${err.message}`)));
  });
}

function refused(socket) {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected without credentials")));
    socket.once("connect_error", (err) => resolve(err));
  });
}

function until(socket, predicate, what) {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30000);
    const poll = setInterval(() => {
      const found = socket.received.find(predicate);
      if (found) {
        clearTimeout(deadline);
        clearInterval(poll);
        resolve(found.data);
      }
    }, 20);
  });
}

const cursor = (event) => ({ created_at: event.created_at, id: event.id });

async function run(transport) {
  const anonymous = open(transport);
  const err = await refused(anonymous);
  check(`${transport}: refusal message`, err.message.startsWith("unauthenticated"), err.message);
  check(`${transport}: refusal data`, err.data && err.data.code === "unauthenticated", err.data);
  anonymous.close();

  const created = await rest("POST", "/threads", { tenant: { org: "A" } });
  check(`${transport}: thread created`, created.status === 201, created);
  const thread = created.json.id;
  for (const assistant of ["helper", "slow"]) {
    const added = await rest("POST", `/threads/${thread}/members`,
      { identity: { role: "assistant", id: assistant, name: assistant } });
    check(`${transport}: ${assistant} added`, added.status === 201, added);
  }

  const alice = await connected(open(transport, { user: "alice" }));
  const joined = await alice.emitWithAck("thread:join", { thread_id: thread });
  check(`${transport}: join ack`, JSON.stringify(joined) === JSON.stringify(
    { thread_id: thread, replayed: [], replay_truncated: false }), joined);

  const sent = await alice.emitWithAck("message:send",
    { thread_id: thread, draft: { client_id: "c1", content: [{ type: "text", text: "hi" }] } });
  check(`${transport}: send ack`, sent.event && sent.event.author.id === "alice", sent);
  const pushed = await until(alice, (r) => r.event === "event" && r.data.id === sent.event.id, "the sent message");
  check(`${transport}: sender gets the push`, JSON.stringify(pushed) === JSON.stringify(sent.event), pushed);

  const invoked = await alice.emitWithAck("assistant:invoke", { thread_id: thread, assistant_ids: ["helper"] });
  check(`${transport}: invoke ack`, invoked.runs && invoked.runs.length === 1, invoked);
  const runId = invoked.runs[0].id;
  await until(alice, (r) => r.event === "run:updated" && r.data.id === runId && r.data.status === "completed",
    "the helper run to complete");
  const runEvents = alice.received.filter((r) => r.event === "event" && r.data.run_id === runId)
    .map((r) => r.data.type);
  check(`${transport}: run events`, JSON.stringify(runEvents) === JSON.stringify(
    ["run.started", "reasoning", "tool.call", "tool.result", "message", "run.completed"]), runEvents);

  const terminal = await alice.emitWithAck("run:cancel", { run_id: runId });
  check(`${transport}: cancel of a terminal run`, terminal.cancelled === false, terminal);
  const slow = await alice.emitWithAck("assistant:invoke", { thread_id: thread, assistant_ids: ["slow"] });
  const slowId = slow.runs[0].id;
  await until(alice, (r) => r.event === "run:updated" && r.data.id === slowId && r.data.status === "running",
    "the slow run to start");
  const cancelled = await alice.emitWithAck("run:cancel", { run_id: slowId });
  check(`${transport}: cancel of a running run`, cancelled.cancelled === true && cancelled.run_id === slowId,
    cancelled);
  await until(alice, (r) => r.event === "run:updated" && r.data.id === slowId && r.data.status === "cancelled",
    "the slow run to be cancelled");

  const unknown = await alice.emitWithAck("thread:rename", { thread_id: thread });
  check(`${transport}: unknown event`, unknown.error && unknown.error.code === "invalid_request", unknown);

  const seen = alice.received.filter((r) => r.event === "event").map((r) => r.data);
  const last = seen[seen.length - 1];
  const left = await alice.emitWithAck("thread:leave", { thread_id: thread });
  check(`${transport}: leave ack`, left.left === true && left.thread_id === thread, left);
  alice.close();

  const missed = [];
  for (const text of ["while away 1", "while away 2"]) {
    const posted = await rest("POST", `/threads/${thread}/messages`, { content: [{ type: "text", text }] });
    check(`${transport}: posted while away`, posted.status === 201, posted);
    missed.push(posted.json.id);
  }
  const again = await connected(open(transport, { user: "alice" }));
  const resumed = await again.emitWithAck("thread:join", { thread_id: thread, since: cursor(last) });
  const replayed = resumed.replayed.map((event) => event.id);
  check(`${transport}: resume without gap or duplicate`, JSON.stringify(replayed) === JSON.stringify(missed)
    && resumed.replay_truncated === false, resumed);
  again.close();
}

try {
  for (const transport of ["websocket", "polling"]) {
    await run(transport);
  }
  console.log(JSON.stringify({ ok: true, checks: checks.length }));
  process.exit(0);
}
catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error && error.stack || error), checks }));
  process.exit(1);
}
