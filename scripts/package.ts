// `npm run package [-- <env>]`: builds appPackage/build/appPackage.<env>.zip (default env: local).
import { buildAppPackage } from './appPackage.js';

const envName = process.argv[2] ?? 'local';
buildAppPackage(envName)
  .then(({ zipPath }) => console.log(`Built ${zipPath}`))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
