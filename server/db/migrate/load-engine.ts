import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

/** The wasm-bindgen glue of Prisma's schema engine: `SchemaEngine`, `version()` and the types. */
export type TSchemaEngineModule = typeof glue;

let loading: Promise<TSchemaEngineModule> | undefined;

/**
 * On a Rust panic the engine hands its message to `globalThis.PRISMA_WASM_PANIC_REGISTRY`
 * (Prisma's CLI installs it) and then traps with a bare "unreachable". Without the registry
 * the glue itself crashes with "Cannot read properties of undefined (reading 'set_message')".
 */
const panics = { message: null as string | null };

/** The message of the last engine panic, if any; the engine instance is unusable afterwards. */
export function takeEnginePanicMessage(): string | null {
  const message = panics.message;
  panics.message = null;
  return message;
}

/**
 * Prisma's own schema engine (the Rust one behind `prisma migrate`), compiled to WebAssembly.
 * Why not the package's entry point: it is wasm-bindgen "bundler" output that does
 * `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 cannot import. So the
 * module is instantiated by hand, with the glue module as its import object, exactly the
 * wiring the entry point would have done. The glue keeps the instance in module state, so it
 * is loaded once per process.
 */
export function loadSchemaEngine(): Promise<TSchemaEngineModule> {
  loading ??= instantiate();
  return loading;
}

async function instantiate(): Promise<TSchemaEngineModule> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      panics.message = message;
    },
  };
  // The package's `exports` do not list the .wasm file: locate it next to the entry point.
  const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
  const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": withTrackedTimers(glue),
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue;
}

const engineTimers = new Set<NodeJS.Timeout>();

/**
 * The engine wraps operations in timeouts (10 s around its advisory lock, for one) through the
 * glue's `setTimeout` import, and imports no `clearTimeout`: every finished operation leaves a
 * live timer that holds the process open for up to 10 s. The import is replaced by one that
 * remembers its timers, so that they can be cleared once no engine is working.
 */
function withTrackedTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const name = Object.keys(imports).find((key) => key.startsWith("__wbg_setTimeout_"));
  if (!name) return imports;
  return {
    ...imports,
    [name]: (callback: () => void, milliseconds: number) => {
      const timer = setTimeout(() => {
        engineTimers.delete(timer);
        callback();
      }, milliseconds >>> 0);
      engineTimers.add(timer);
      return timer;
    },
  };
}

/** Call only when no engine operation is in flight: their timers are all orphans then. */
export function clearEngineTimers(): void {
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}
