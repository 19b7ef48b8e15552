/**
 * A TCP proxy on loopback in front of a real service (Redis, PostgreSQL, an HTTP server), for tests and demos
 * that must show what code does when the network drops and comes back — without stopping the shared server.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export class FlakyLink {
  /** Emits 'refused' for each connection turned away while the link is down, 'connection' for each let in. */
  readonly events = new EventEmitter();
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;
  #open = true;
  #port = 0;

  constructor(
    readonly upstreamHost: string,
    readonly upstreamPort: number,
  ) {
    this.#server = createServer((downstream) => {
      if (!this.#open) {
        downstream.destroy();
        this.events.emit('refused');
        return;
      }
      this.events.emit('connection');
      const upstream = tcpConnect(this.upstreamPort, this.upstreamHost);
      for (const [a, b] of [
        [downstream, upstream],
        [upstream, downstream],
      ] as const) {
        this.#sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.#sockets.delete(a);
          b.destroy();
        });
      }
    });
  }

  /** Starts listening on a free loopback port; connect clients to `port`. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as { port: number }).port;
    return this;
  }

  get port(): number {
    if (this.#port === 0) throw new Error('FlakyLink: call start() first');
    return this.#port;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** How many proxied sockets (both directions) are open now. */
  get openSockets(): number {
    return this.#sockets.size;
  }

  /** Cuts every open connection and refuses new ones, as a dead network path or a restarting server would. */
  drop(): void {
    this.#open = false;
    for (const socket of this.#sockets) socket.destroy();
  }

  /** Lets connections through again. */
  restore(): void {
    this.#open = true;
  }

  close(): Promise<void> {
    this.drop();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
