// A video tile tells the SFU media its height as it changes (the dock resized, the active speaker's tile grew),
// so its feed is received at the simulcast layer that fills it and no larger.
import { useEffect, useRef } from 'react';

export function useTileSize(tileId: string | undefined, report?: (tileId: string, height: number) => void) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !tileId || !report || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    const observer = new ResizeObserver(([entry]) => {
      const height = Math.round(entry?.contentRect.height ?? 0);
      if (height > 0 && Math.abs(height - last) >= 8) report(tileId, (last = height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [tileId, report]);
  return ref;
}
