/**
 * The days the months of the report run over: from the first month shown to the report's end (the
 * trend window). The assessment's trend and the outcome charts use it, so that outcomes are drawn
 * over the same months as the output chart; the report's own window when no month is shown.
 */
export function monthsWindow(view: {
  monthly: readonly { month: string }[];
  window: { since: string; until: string };
}): { since: string; until: string } {
  return view.monthly.length
    ? { since: `${view.monthly[0].month}-01`, until: view.window.until }
    : view.window;
}
