// Date ranges in requests, as people type them and as the call export reads them: YYYY-MM-DD (a
// whole day in the host's time zone; "to" includes it) or an ISO time with its UTC offset.
// Checked here so a bad date is refused as bad input before any handler runs.
import { z } from 'zod';
import { parseExportRange, parseRangeEdge, type RangeEdge } from '../domain/exportRange';

/** One edge of a range: YYYY-MM-DD (a whole day in the host's time zone) or an ISO time with its offset. */
export const rangeEdgeSchema = (edge: RangeEdge) =>
  z
    .string()
    .trim()
    .max(40)
    .superRefine((text, ctx) => {
      try {
        parseRangeEdge(text, edge);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    });

/** "From after to" is refused with the range's own message; a missing edge leaves that side open. */
export function checkRangeOrder(range: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (range.from === undefined || range.to === undefined) return;
  try {
    parseExportRange(range.from, range.to);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message, path: ['to'] });
  }
}

/** A range with both edges, in order. */
export const dateRangeSchema = z.object({ from: rangeEdgeSchema('from'), to: rangeEdgeSchema('to') }).strict().superRefine(checkRangeOrder);
