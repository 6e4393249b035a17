/**
 * Schema pieces that the data schema (schema.ts) and the options schema (options-schema.ts) both
 * use, so that each "expected …" message is written once. Depends on zod only, so both can import it
 * without a cycle.
 */
import { z } from "zod";

/** The message for a count or a rank: a whole number from 1 up. */
export const POSITIVE_INT_EXPECTED = "expected an integer >= 1";

/** A whole number >= 1 (an article's rank, `pageSize`, `feed.limit`), with one message for every way to miss. */
export const positiveInt = () =>
  z
    .number({ error: POSITIVE_INT_EXPECTED })
    .int({ error: POSITIVE_INT_EXPECTED })
    .min(1, { error: POSITIVE_INT_EXPECTED });
