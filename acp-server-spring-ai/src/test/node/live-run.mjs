// Watches a run of the ACP assistant "helper" (a ChatClientAssistant on Spring AI's OpenAI client) live with the
// official socket.io-client v4: the thread is made over REST, the question sent over Socket.IO, the assistant
// invoked over REST, and the run's events are checked as the socket receives them. The model's server answers
// with a streamed call of the weather tool for Paris, then "Sunny, 21 degrees in Paris.". Argument: the
// application's base URL, whose fixture authenticates `auth.user` on Socket.IO and `x-user` on REST. Prints
// `{"ok":true}` when every check passed; a failed check ends it with the assertion's error.
import assert from "node:assert/strict";
import { io } from "socket.io-client";

const base = process.argv[2];
const headers = { "x-user": "alice", "content-type": "application/json" };

async function call(method, path, body) {
  const response = await fetch(`${base}/acp${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

const socket = io(base, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { user: "alice" } });
const received = [];
let arrived = () => {};
for (const name of ["event", "run:updated"]) {
  socket.on(name, (data) => {
    received.push({ name, data });
    arrived();
  });
}
await new Promise((resolve, reject) => {
  socket.once("connect", resolve);
  socket.once("connect_error", reject);
});

function arrival(predicate, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within 30 s: ${JSON.stringify(received)}`)), 30000);
    arrived = () => {
      const index = received.findIndex(predicate);
      if (index >= 0) {
        clearTimeout(timer);
        resolve(index);
      }
    };
    arrived();
  });
}

const created = await call("POST", "/threads", {});
assert.equal(created.status, 201, JSON.stringify(created));
const thread = created.json.id;
const added = await call("POST", `/threads/${thread}/members`,
  { identity: { role: "assistant", id: "helper", name: "Helper" } });
assert.equal(added.status, 201, JSON.stringify(added));
assert.equal((await socket.emitWithAck("thread:join", { thread_id: thread })).thread_id, thread);
const sent = await socket.emitWithAck("message:send",
  { thread_id: thread, draft: { client_id: "q1", content: [{ type: "text", text: "weather in Paris?" }] } });
assert.equal(sent.event?.type, "message", JSON.stringify(sent));

const invoked = await call("POST", `/threads/${thread}/invocations`, { assistant_ids: ["helper"] });
assert.equal(invoked.status, 201, JSON.stringify(invoked));
const runId = invoked.json.runs[0].id;
const ended = await arrival((r) => r.name === "run:updated" && r.data.id === runId
  && ["completed", "failed", "cancelled"].includes(r.data.status), "end of the run");
assert.equal(received[ended].data.status, "completed", JSON.stringify(received[ended]));

const live = received.filter((r) => r.name === "event" && r.data.run_id === runId).map((r) => r.data);
assert.deepEqual(live.map((event) => event.type),
  ["run.started", "message", "tool.call", "tool.result", "message", "run.completed"]);
assert.deepEqual(live[2].tool, { id: "call_Qm7x", name: "weather", arguments: { city: "Paris" } });
assert.deepEqual(live[3].tool, { id: "call_Qm7x", result: "sunny in Paris", error: null });
assert.deepEqual([live[1], live[4]].map((message) => message.content),
  [[{ type: "text", text: "Let me check." }], [{ type: "text", text: "Sunny, 21 degrees in Paris." }]]);
// live: the answer reached the socket before the run ended
assert.ok(received.findIndex((r) => r.name === "event" && r.data.id === live[4].id) < ended);

const stored = await call("GET", `/threads/${thread}/events?limit=100`);
assert.deepEqual(stored.json.items.filter((event) => event.run_id === runId), live);
socket.close();
console.log(JSON.stringify({ ok: true }));
