// Listens to a Server-Sent Events stream of the API while `path` is set, calling `onMessage` with each message
// of the named event; the browser reconnects by itself when the connection drops.
import { useEffect, useRef } from 'react';

export function useServerEvents<T>(path: string | null, event: string, onMessage: (data: T) => void) {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  useEffect(() => {
    if (!path) return;
    const source = new EventSource(path, { withCredentials: true });
    const listener = (e: MessageEvent<string>) => handler.current(JSON.parse(e.data) as T);
    source.addEventListener(event, listener);
    return () => {
      source.removeEventListener(event, listener);
      source.close();
    };
  }, [path, event]);
}
