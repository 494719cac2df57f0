// Drives the ACP Socket.IO transport with the official socket.io-client v4 over long-polling alone,
// against an application behind Spring Security's filter chain: HTTP Basic credentials on every
// request (the chain's), the fixture's `auth.user` at the namespace connect (the starter's). Connects,
// then emits an event and waits for its acknowledgement, both sent in long-polling POSTs.
// Arguments: the application's base URL and `user:password`.
// Prints one JSON line; `"ok":true` when every check passed.
import { io } from "socket.io-client";

const base = process.argv[2];
const credentials = Buffer.from(process.argv[3]).toString("base64");
const checks = [];

function check(name, condition, detail) {
  checks.push(name);
  if (!condition) {
    throw new Error(`${name} failed: ${JSON.stringify(detail)}`);
  }
}

function connected(socket) {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => reject(new Error(`connect refused: ${err.message}`)));
    // A failed long-polling POST ends the session before the connect: the client reports
    // "xhr post error" and, with reconnection on, would retry forever.
    socket.once("disconnect", (reason, description) => reject(new Error(`disconnected before the connect: ${reason} `
      + `(${description && description.description}, HTTP ${description && description.context
        && description.context.status})`)));
  });
}

const socket = io(base, {
  transports: ["polling"],
  forceNew: true,
  reconnection: false,
  timeout: 30000,
  auth: { user: "alice" },
  extraHeaders: { authorization: `Basic ${credentials}` },
});
try {
  await connected(socket);
  check("connected over long-polling", socket.io.engine.transport.name === "polling", socket.io.engine.transport.name);
  const left = await socket.timeout(30000).emitWithAck("thread:leave", { thread_id: "th_any" });
  check("event acknowledged", left.left === true && left.thread_id === "th_any", left);
  socket.close();
  console.log(JSON.stringify({ ok: true, checks: checks.length }));
  process.exit(0);
}
catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error && error.stack || error), checks }));
  process.exit(1);
}
