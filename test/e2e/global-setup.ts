// The tests run the bundled host and screens; running them against a missing build would
// fail every test with a confusing timeout, so say what to do instead.
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const missing = ['dist/host.mjs', 'dist/renderer/index.html'].filter((f) => !existsSync(path.join(root, f)));
  if (missing.length > 0) {
    throw new Error(`e2e: ${missing.join(', ')} not built. Run \`npm run build\` first (\`npm test\` does).`);
  }
}
