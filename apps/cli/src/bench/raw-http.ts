import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * A keep-alive HTTP/1.1 connection that sends one request at a time: a respondent's phone or
 * an analyst's browser tab, as cheap for the load generator as it can be. On a machine whose cores the server and
 * Postgres share with the load, fetch() spends about as much CPU per request as the server
 * does, and the figure would measure the client. Enough HTTP for the server's own answers
 * (Content-Length bodies); anything else is an error.
 */
export class RawHttpConnection {
  private socket: Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve(r: RawResponse): void; reject(e: Error): void } | null = null;

  constructor(private readonly url: URL) {}

  private open(): Promise<Socket> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.url.hostname, port: Number(this.url.port || 80) }, () => {
        socket.off('error', reject);
        resolve(socket);
      });
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.on('data', (chunk) => this.read(chunk));
      socket.on('close', () => {
        this.socket = null;
        this.buffer = Buffer.alloc(0);
        this.fail(new Error('connection closed'));
      });
      socket.on('error', (error) => this.fail(error));
      this.socket = socket;
    });
  }

  private fail(error: Error) {
    const w = this.waiting;
    this.waiting = null;
    w?.reject(error);
  }

  private read(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
    let body: string;
    let total: number;
    if (length !== undefined) {
      total = end + 4 + Number(length);
      if (this.buffer.length < total) return;
      body = this.buffer.toString('utf8', end + 4, total);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      // tRPC streams its answers in chunks: wait for the last one, then join them.
      const last = this.buffer.indexOf('\r\n0\r\n\r\n', end);
      if (last < 0) return;
      total = last + 7;
      const parts: Buffer[] = [];
      for (let at = end + 4; at < last + 2; ) {
        const line = this.buffer.indexOf('\r\n', at);
        const size = Number.parseInt(this.buffer.toString('latin1', at, line), 16);
        parts.push(this.buffer.subarray(line + 2, line + 2 + size));
        at = line + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    } else {
      this.socket?.destroy();
      return this.fail(new Error(`no body length in ${head.split('\r\n')[0]}`));
    }
    const response = { status: Number(head.slice(9, 12)), body };
    this.buffer = this.buffer.subarray(total);
    const w = this.waiting;
    this.waiting = null;
    w?.resolve(response);
  }

  /** POSTs a JSON body; answers the status and body text. */
  post(path: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    return this.send('POST', path, body, headers);
  }

  /** GETs `path` (a tRPC query, say); answers the status and body text. */
  get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    return this.send('GET', path, null, headers);
  }

  private async send(
    method: string,
    path: string,
    body: string | null,
    headers: Record<string, string>,
  ): Promise<RawResponse> {
    const socket = await this.open();
    if (this.waiting) throw new Error('one request at a time on a connection');
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.url.host}\r\n`;
    if (body !== null)
      head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(`${head}\r\n${body ?? ''}`);
    });
  }

  close() {
    this.socket?.end();
    this.socket = null;
  }
}
