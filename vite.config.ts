import path from "node:path";
import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig, type Plugin } from "vite";
import { precompressDirectory } from "./app/tooling/precompress";

/** After the client build: a .br and a .gz beside each text asset (app/tooling/precompress.ts). */
function precompressClientBuild(): Plugin {
  return {
    name: "portal-precompress",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    async writeBundle(options) {
      if (options.dir) await precompressDirectory(path.resolve(options.dir));
    },
  };
}

export default defineConfig({
  plugins: [tailwindcss(), reactRouter(), precompressClientBuild()],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  ssr: {
    external: ["better-sqlite3", "@node-rs/argon2"],
  },
  server: { port: 3000 },
});
