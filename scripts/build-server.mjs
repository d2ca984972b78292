// Compiles the custom server and its commands to dist/ (plain JavaScript: no TypeScript loader at run time).
// Packages stay in node_modules; the repository's own modules (`@/…`) are bundled in.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = ["start", "dev", "db-migrate", "db-seed", "e2e-server"];

// "server-only" throws outside Next's server bundles; in this Node process the code is server code by definition.
const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty-module" }));
    b.onLoad({ filter: /.*/, namespace: "empty-module" }, () => ({ contents: "", loader: "js" }));
  },
};

// `@/…` points into the repository: bundle it rather than leave it to Node, which does not know the alias.
const repoAlias = {
  name: "repo-alias",
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) =>
      b.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: root }),
    );
  },
};

// Chunk names carry a content hash: start from an empty folder so no stale chunk is left behind.
fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, `scripts/${name}.ts`])),
  outdir: "dist",
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  plugins: [serverOnlyIsEmpty, repoAlias],
  sourcemap: true,
  logLevel: "warning",
});
