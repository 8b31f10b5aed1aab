import vm from 'node:vm';

/**
 * Runs a Shopify Flow "Run code" script the way Flow describes it: one module whose
 * `export default function main(input)` receives the Input query's data and returns the Output.
 * Sandboxed in a `node:vm` context with nothing but the language's own globals (no `URL`, no
 * `console`, no `require`, no network), data crossing the boundary as JSON, and a time limit.
 */
export interface RunCode {
  /** Calls `main` in a fresh context (as Flow runs each order on its own); JSON in, JSON out; `ms`: main alone. */
  run(input: unknown): { output: unknown; ms: number };
  /** One long-lived context whose top-level functions tests can call directly. */
  shared(): vm.Context & Record<string, (...args: unknown[]) => unknown>;
}

const EXPORT = /^export default function main\(/m;
export const RUN_CODE_TIMEOUT_MS = 1_000;

export function compileRunCode(code: string, opts: { withUrl?: boolean } = {}): RunCode {
  const matches = code.match(new RegExp(EXPORT.source, 'gm')) ?? [];
  if (matches.length !== 1) throw new Error('Run code: the code must have exactly one "export default function main(input)".');
  // vm.Script runs scripts, not modules: the export keyword goes, the function stays.
  const source = code.replace(EXPORT, 'function main(');
  const script = new vm.Script(source, { filename: 'flow-run-code.js' });
  const call = new vm.Script('JSON.stringify(main(JSON.parse(__input)))', { filename: 'flow-call.js' });
  const globals = () => (opts.withUrl ? { URL } : {});
  let sharedContext: vm.Context | null = null;
  return {
    run(input) {
      const context = vm.createContext({ ...globals(), __input: JSON.stringify(input) }, { codeGeneration: { strings: false, wasm: false } });
      script.runInContext(context, { timeout: RUN_CODE_TIMEOUT_MS });
      const started = performance.now();
      const text = call.runInContext(context, { timeout: RUN_CODE_TIMEOUT_MS }) as string;
      const ms = performance.now() - started;
      return { output: JSON.parse(text) as unknown, ms };
    },
    shared() {
      if (!sharedContext) {
        sharedContext = vm.createContext(globals(), { codeGeneration: { strings: false, wasm: false } });
        script.runInContext(sharedContext, { timeout: RUN_CODE_TIMEOUT_MS });
      }
      return sharedContext as vm.Context & Record<string, (...args: unknown[]) => unknown>;
    },
  };
}
