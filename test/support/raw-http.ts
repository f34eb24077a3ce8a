import { connect, type Socket } from 'node:net';

/**
 * Sends raw bytes to `host:port` and resolves with everything the server answers until it
 * closes the connection; for requests a normal client cannot send (malformed, or several on
 * one busy connection). `afterWrite` may write more.
 *
 * @example
 * const answer = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
 */
export function rawExchange(port: number, data: string, afterWrite?: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(data);
      afterWrite?.(socket);
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer; got so far: ${answer}`)));
  });
}

/** The JSON bodies of the HTTP responses in a raw answer (`Content-Length` framed). */
export function rawResponses(answer: string): { head: string; body: unknown }[] {
  const responses: { head: string; body: unknown }[] = [];
  let rest = answer;
  while (rest.startsWith('HTTP/1.1')) {
    const end = rest.indexOf('\r\n\r\n');
    const head = rest.slice(0, end);
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    responses.push({ head, body: JSON.parse(body) });
    rest = rest.slice(end + 4 + length);
  }
  return responses;
}
