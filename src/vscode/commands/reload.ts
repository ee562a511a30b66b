import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';

/** `ownershipLens.reload`: finds and reads every OWNERS.yaml again (settings or folders changed). */
export function registerReload(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.reload, ctx.log, async () => {
      ctx.store.ready = ctx.store.loadAll();
      await ctx.store.ready;
      return ctx.store.states().length;
    }),
  );
}
