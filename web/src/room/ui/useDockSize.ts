// The video dock's height: it follows the number of people (the filmstrip appears and grows as they join, and
// shrinks as they leave); after a manual resize it holds the chosen height for a few seconds before following
// again, so a teacher's preference is not undone by the next arrival.
import { useCallback, useEffect, useRef, useState } from 'react';

export const AUTO_RESIZE_PAUSE_MS = 5000;
export const DOCK_MIN = 96;
export const DOCK_MAX = 480;

/** Alone: a small self view. Two: a comfortable pair. More: a taller strip so every face stays readable. */
export function autoDockHeight(tiles: number) {
  if (tiles <= 1) return 132;
  if (tiles === 2) return 196;
  if (tiles <= 4) return 236;
  return 268;
}

export function useDockSize(tiles: number) {
  const [height, setHeight] = useState(() => autoDockHeight(tiles));
  const [autoPaused, setAutoPaused] = useState(false);
  const pause = useRef<{ until: number; tiles: number; timer?: ReturnType<typeof setTimeout> }>({
    until: 0,
    tiles,
  });
  const tilesRef = useRef(tiles);
  tilesRef.current = tiles;

  // Someone joined or left: follow, unless the teacher has just resized by hand.
  useEffect(() => {
    if (pause.current.until <= Date.now()) setHeight(autoDockHeight(tiles));
  }, [tiles]);

  useEffect(() => () => clearTimeout(pause.current.timer), []);

  const resizeByHand = useCallback((next: number) => {
    setHeight(Math.max(DOCK_MIN, Math.min(DOCK_MAX, Math.round(next))));
    setAutoPaused(true);
    clearTimeout(pause.current.timer);
    const resizedAt = { until: Date.now() + AUTO_RESIZE_PAUSE_MS, tiles: tilesRef.current };
    pause.current = {
      ...resizedAt,
      // When the pause ends, catch up with whoever joined or left meanwhile; otherwise keep the chosen size.
      timer: setTimeout(() => {
        setAutoPaused(false);
        if (tilesRef.current !== resizedAt.tiles) setHeight(autoDockHeight(tilesRef.current));
      }, AUTO_RESIZE_PAUSE_MS),
    };
  }, []);

  return { height, autoPaused, resizeByHand };
}
