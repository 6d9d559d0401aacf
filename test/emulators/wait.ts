import type { EventEmitter } from 'node:events';

/** Resolve with a copy of `items` once it holds at least `count`, re-checking on each `event`: no polling. */
export function waitForCount<T>(events: EventEmitter, event: string, items: T[], count: number): Promise<T[]> {
  if (items.length >= count) return Promise.resolve([...items]);
  return new Promise((resolve) => {
    const on = () => {
      if (items.length >= count) {
        events.off(event, on);
        resolve([...items]);
      }
    };
    events.on(event, on);
  });
}
