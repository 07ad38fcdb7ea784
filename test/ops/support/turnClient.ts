// A small TURN client over UDP (RFC 5766 / 8656 with the long-term credential mechanism), enough to prove that the
// credentials Lectern hands out open a relay on coturn and that data flows through it: Allocate, CreatePermission,
// Send and Data indications.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

const MAGIC = 0x2112a442;
const T = {
  allocate: 0x0003,
  allocateOk: 0x0103,
  allocateError: 0x0113,
  permission: 0x0008,
  permissionOk: 0x0108,
  permissionError: 0x0118,
  send: 0x0016,
  data: 0x0017,
};
const A = {
  username: 0x0006,
  integrity: 0x0008,
  errorCode: 0x0009,
  peer: 0x0012,
  data: 0x0013,
  realm: 0x0014,
  nonce: 0x0015,
  relayed: 0x0016,
  transport: 0x0019,
};

export type Address = { address: string; port: number };
type Message = { type: number; id: Buffer; attrs: Map<number, Buffer> };

function encode(type: number, id: Buffer, attrs: [number, Buffer][], integrityKey?: Buffer): Buffer {
  const parts = attrs.map(([t, v]) => {
    const header = Buffer.alloc(4);
    header.writeUInt16BE(t, 0);
    header.writeUInt16BE(v.length, 2);
    return Buffer.concat([header, v, Buffer.alloc((4 - (v.length % 4)) % 4)]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(20);
  head.writeUInt16BE(type, 0);
  head.writeUInt32BE(MAGIC, 4);
  id.copy(head, 8);
  if (!integrityKey) {
    head.writeUInt16BE(body.length, 2);
    return Buffer.concat([head, body]);
  }
  // MESSAGE-INTEGRITY covers everything before it, with the length already counting its own 24 bytes.
  head.writeUInt16BE(body.length + 24, 2);
  const mac = createHmac('sha1', integrityKey)
    .update(Buffer.concat([head, body]))
    .digest();
  const mi = Buffer.alloc(4);
  mi.writeUInt16BE(A.integrity, 0);
  mi.writeUInt16BE(20, 2);
  return Buffer.concat([head, body, mi, mac]);
}

function decode(buf: Buffer): Message | null {
  if (buf.length < 20 || buf.readUInt32BE(4) !== MAGIC) return null;
  const attrs = new Map<number, Buffer>();
  let at = 20;
  const end = 20 + buf.readUInt16BE(2);
  while (at + 4 <= end) {
    const t = buf.readUInt16BE(at);
    const len = buf.readUInt16BE(at + 2);
    attrs.set(t, buf.subarray(at + 4, at + 4 + len));
    at += 4 + len + ((4 - (len % 4)) % 4);
  }
  return { type: buf.readUInt16BE(0), id: buf.subarray(8, 20), attrs };
}

function xorAddress(value: Buffer): Address {
  const port = value.readUInt16BE(2) ^ (MAGIC >>> 16);
  const ip = (value.readUInt32BE(4) ^ MAGIC) >>> 0;
  return { address: [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.'), port };
}

function xorValue({ address, port }: Address): Buffer {
  const value = Buffer.alloc(8);
  value.writeUInt8(0x01, 1); // IPv4
  value.writeUInt16BE(port ^ (MAGIC >>> 16), 2);
  const ip = address.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
  value.writeUInt32BE((ip ^ MAGIC) >>> 0, 4);
  return value;
}

const errorOf = (m: Message) => {
  const e = m.attrs.get(A.errorCode);
  return e ? { code: e.readUInt8(2) * 100 + e.readUInt8(3), reason: e.subarray(4).toString() } : null;
};

export class TurnError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`TURN error ${code} ${reason}`);
  }
}

/** One TURN client with its own UDP socket, signed in with a username and password. */
export class TurnClient {
  private socket: Socket = createSocket('udp4');
  private pending = new Map<string, (m: Message) => void>();
  private realm = Buffer.alloc(0);
  private nonce = Buffer.alloc(0);
  /** The payloads of Data indications, with the peer they came from. */
  readonly received: { from: Address; data: Buffer }[] = [];
  private onData: (() => void)[] = [];

  constructor(
    private readonly server: Address,
    private readonly username: string,
    private readonly password: string,
  ) {
    this.socket.on('message', (buf) => {
      const m = decode(buf);
      if (!m) return;
      if (m.type === T.data) {
        this.received.push({
          from: xorAddress(m.attrs.get(A.peer)!),
          data: Buffer.from(m.attrs.get(A.data)!),
        });
        for (const wake of this.onData.splice(0)) wake();
        return;
      }
      this.pending.get(m.id.toString('hex'))?.(m);
    });
  }

  private key() {
    return createHash('md5').update(`${this.username}:${this.realm.toString()}:${this.password}`).digest();
  }

  private async request(type: number, attrs: [number, Buffer][], signed: boolean): Promise<Message> {
    const id = randomBytes(12);
    const all: [number, Buffer][] = signed
      ? [...attrs, [A.username, Buffer.from(this.username)], [A.realm, this.realm], [A.nonce, this.nonce]]
      : attrs;
    const message = encode(type, id, all, signed ? this.key() : undefined);
    return new Promise((resolve, reject) => {
      let tries = 0;
      const send = () => this.socket.send(message, this.server.port, this.server.address);
      const timer = setInterval(() => (++tries > 10 ? fail() : send()), 500);
      const fail = () => {
        clearInterval(timer);
        this.pending.delete(id.toString('hex'));
        reject(new Error(`no TURN answer from ${this.server.address}:${this.server.port}`));
      };
      this.pending.set(id.toString('hex'), (m) => {
        clearInterval(timer);
        this.pending.delete(id.toString('hex'));
        resolve(m);
      });
      send();
    });
  }

  /** Allocates a UDP relay; returns its address on the TURN server. Throws TurnError when refused. */
  async allocate(): Promise<Address> {
    const transport: [number, Buffer] = [A.transport, Buffer.from([17, 0, 0, 0])];
    const first = await this.request(T.allocate, [transport], false);
    const challenge = errorOf(first);
    if (first.type !== T.allocateError || challenge?.code !== 401)
      throw new Error(`expected a 401 challenge, got ${first.type.toString(16)}`);
    this.realm = Buffer.from(first.attrs.get(A.realm)!);
    this.nonce = Buffer.from(first.attrs.get(A.nonce)!);
    const answer = await this.request(T.allocate, [transport], true);
    if (answer.type !== T.allocateOk) {
      const e = errorOf(answer);
      throw new TurnError(e?.code ?? 0, e?.reason ?? 'refused');
    }
    return xorAddress(answer.attrs.get(A.relayed)!);
  }

  /** Lets `peer` send to this client's relay (and this client send to it). */
  async permit(peer: Address) {
    const answer = await this.request(T.permission, [[A.peer, xorValue(peer)]], true);
    if (answer.type !== T.permissionOk) {
      const e = errorOf(answer);
      throw new TurnError(e?.code ?? 0, e?.reason ?? 'refused');
    }
  }

  /** Sends `data` from this client's relay to `peer`. */
  send(peer: Address, data: Buffer) {
    const message = encode(T.send, randomBytes(12), [
      [A.peer, xorValue(peer)],
      [A.data, data],
    ]);
    this.socket.send(message, this.server.port, this.server.address);
  }

  /** Waits for the next relayed payload (or fails after timeoutMs). */
  async nextData(timeoutMs = 5000): Promise<{ from: Address; data: Buffer }> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no relayed data within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.onData.push(() => (clearTimeout(timer), resolve()));
      });
    }
    return this.received.shift()!;
  }

  close() {
    this.socket.close();
  }
}
