// The in-process bus: one node, no network. Same subject matching as NATS.
import type { Bus, BusMessage } from './port.js';

export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

export function localBus(): Bus {
  const subscriptions = new Set<{ pattern: string; handler: (message: BusMessage) => void }>();
  return {
    kind: 'local',
    async publish(subject, data) {
      for (const sub of [...subscriptions]) {
        if (subjectMatches(sub.pattern, subject)) queueMicrotask(() => sub.handler({ subject, data }));
      }
    },
    subscribe(pattern, handler) {
      const sub = { pattern, handler };
      subscriptions.add(sub);
      return () => subscriptions.delete(sub);
    },
    async flush() {},
    async health() {
      return { ok: true, detail: 'in-process' };
    },
    async close() {
      subscriptions.clear();
    },
  };
}
