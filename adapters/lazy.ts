import type { AdapterContext, ChatAdapter, RunningAdapter } from '../src/commands/adapter.js';

/**
 * An adapter whose platform library is loaded only when `imops serve` starts it: the CLI's other commands
 * then start in a fraction of the time (Bolt and discord.js together cost about half a second to load).
 */
export function lazyAdapter(about: Pick<ChatAdapter, 'name' | 'label' | 'setupHint' | 'missing'>, load: () => Promise<ChatAdapter>): ChatAdapter {
  return {
    ...about,
    async start(ctx: AdapterContext): Promise<RunningAdapter> {
      return (await load()).start(ctx);
    },
  };
}
