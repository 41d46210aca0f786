type Handler = (data: unknown) => void;

/** One EventSource on `/api/events`, shared by every panel; it reconnects by itself. */
export function connectEvents(onStatus: (connected: boolean) => void) {
  const handlers = new Map<string, Set<Handler>>();
  const source = new EventSource('./api/events');
  source.onopen = () => onStatus(true);
  source.onerror = () => onStatus(false);
  return {
    on(type: string, handler: Handler): void {
      let set = handlers.get(type);
      if (set === undefined) {
        set = new Set();
        handlers.set(type, set);
        source.addEventListener(type, (event) => {
          const data: unknown = JSON.parse((event as MessageEvent<string>).data);
          for (const h of handlers.get(type) ?? []) h(data);
        });
      }
      set.add(handler);
    },
  };
}

export type Events = ReturnType<typeof connectEvents>;
