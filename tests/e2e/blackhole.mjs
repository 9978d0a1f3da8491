// A proxy on 127.0.0.1 that lets nothing out: every request a browser sends
// it (all but the loopback's, when launched with `proxy: port`) is answered
// with an error and counted. Plain HTTP gets 502; CONNECT (HTTPS, secure
// WebSockets) gets 403 and the socket is closed, so no byte reaches a host.
//
//   const bh = await startBlackhole(); ... bh.port, bh.count, bh.hosts (Map host -> n), bh.take()
import http from 'node:http';

export function startBlackhole() {
  const hosts = new Map();
  let count = 0;
  const note = (host) => {
    count++;
    hosts.set(host, (hosts.get(host) || 0) + 1);
  };
  const server = http.createServer((req, res) => {
    let host = req.headers.host || '';
    try {
      host = new URL(req.url).host || host;
    } catch (_) {
      /* a relative URL: the Host header names it */
    }
    note(host);
    res.writeHead(502, { 'Content-Type': 'text/plain', Connection: 'close' });
    res.end('offline: the test harness lets no request leave the machine');
  });
  server.on('connect', (req, socket) => {
    note(String(req.url || '').replace(/:443$/, ''));
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: server.address().port,
        get count() {
          return count;
        },
        hosts,
        /** The requests since the last take(): {count, hosts}. */
        take() {
          const out = { count, hosts: new Map(hosts) };
          count = 0;
          hosts.clear();
          return out;
        },
        close: () => new Promise((r) => {
          server.closeAllConnections?.();
          server.close(r);
        }),
      });
    });
  });
}
