// fast-check parameters shared by the fuzz suites: a fixed seed (DESKLINE_FUZZ_SEED overrides it),
// no shrinking (the core keeps state between runs), and a failure report cut to a readable size,
// since counterexamples hold megabyte strings on purpose. The report always names seed and path.
import fc from 'fast-check';

export const fuzzSeed = Number(process.env.DESKLINE_FUZZ_SEED ?? 20261129);

const cut = (text: string, max = 3000) => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`);

export function fuzzParameters<T>(numRuns: number, seed = fuzzSeed): fc.Parameters<T> {
  return {
    seed,
    numRuns,
    endOnFailure: true,
    reporter: (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? `${details.errorInstance.message}` : String(details.errorInstance);
      throw new Error(
        cut(`Fuzz property failed (reproduce with DESKLINE_FUZZ_SEED=${fuzzSeed}; seed ${details.seed}, path "${details.counterexamplePath}")\n` +
          `cause: ${cut(cause, 2000)}\ncounterexample: ${fc.stringify(details.counterexample)}`),
        { cause: details.errorInstance },
      );
    },
  };
}
