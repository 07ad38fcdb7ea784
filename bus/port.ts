// The bus that carries room traffic between server nodes: NATS when configured, in-process otherwise.
export type BusMessage = { subject: string; data: Uint8Array };

export interface Bus {
  readonly kind: string;
  publish(subject: string, data: Uint8Array): Promise<void>;
  /** Subjects use NATS syntax: tokens separated by dots, `*` for one token, `>` for the rest. */
  subscribe(subject: string, handler: (message: BusMessage) => void): () => void;
  /** Resolves once the server has every subscription made so far (NATS: a round trip); immediate locally. */
  flush(): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}
