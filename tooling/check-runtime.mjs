// Runs before `pnpm install`: a clear message beats a cryptic failure deep in a build.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`Wenming needs Node.js >= 22 (found ${process.version}). See README, "Prerequisites".`);
  process.exit(1);
}
const ua = process.env.npm_config_user_agent ?? '';
if (ua && !ua.startsWith('pnpm/10')) {
  console.error(`Wenming installs with pnpm 10 (found: ${ua.split(' ')[0] || 'unknown'}).`);
  process.exit(1);
}
