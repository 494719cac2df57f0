// The Node.js room of the ACP fan-out benchmark: a Socket.IO 4.8 server with its defaults on a free loopback
// port, where "thread:join" puts the socket in the room thread:<thread_id> and acknowledges as the starter does,
// and POST /threads/<id>/messages emits "event" to that room: an object of the same fields and size as the
// starter's message event, which Socket.IO encodes once for the whole room. Nothing is stored or checked.
// Usage: node room-server.mjs '<author JSON>'. Prints "PORT <port>" once it listens.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const author = JSON.parse(process.argv[2]);
const http = createServer((request, response) => {
	const path = request.url.match(/^\/threads\/([^/?]+)\/messages$/);
	if (request.method !== 'POST' || !path) {
		response.writeHead(404).end();
		return;
	}
	const chunks = [];
	request.on('data', (chunk) => chunks.push(chunk));
	request.on('end', () => {
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		const event = {
			id: `evt_${randomUUID()}`,
			thread_id: path[1],
			run_id: null,
			author,
			created_at: new Date().toISOString(),
			metadata: {},
			client_id: body.client_id,
			type: 'message',
			content: body.content,
		};
		io.to(`thread:${path[1]}`).emit('event', event);
		response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify(event));
	});
});
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
	socket.on('thread:join', (data, ack) => {
		socket.join(`thread:${data.thread_id}`);
		if (typeof ack === 'function') {
			ack({ thread_id: data.thread_id, replayed: [], replay_truncated: false });
		}
	});
});
http.listen(0, '127.0.0.1', () => console.log(`PORT ${http.address().port}`));
