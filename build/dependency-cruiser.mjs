// The dependency rules of shared/conventions.md and the issue 22 layout, enforced by `npm run deps`
// (part of `npm test`). This file is the source of truth for what may import what; the layer rules in
// build/eslint.config.js repeat a subset only so editors flag a bad import while it is typed.
// Paths are relative to the folder depcruise runs in (the repo root), e.g. `electron/core/kernel/…`.
// Packages resolve to `…/node_modules/<name>/…` (node_modules may be a symlink elsewhere), hence the
// `(^|/)node_modules/` prefix in the package patterns below.

/** A `to.path` pattern for the given npm packages, including their `@types/` twins (type-only imports). */
const packages = (...names) => `(^|/)node_modules/(@types/)?(${names.map((name) => name.replace(/\./g, '\\.')).join('|')})/`;

const CORE = '^electron/core/';
const KERNEL = '^electron/core/kernel/';
/** What a feature offers the rest of the code: its index.ts (create<Feature>() and friends) and its ports.ts. */
const FEATURE_DOOR = '^electron/core/[^/]+/(index|ports)\\.ts$';
/** A file inside a feature folder (any folder of electron/core except kernel/). */
const IN_A_FEATURE = '^electron/core/(?!kernel/)[^/]+/';

export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles are forbidden everywhere. Files in a cycle can only be understood, tested, moved and ' +
        'loaded together (and a cycle through module-level code breaks at load time in whichever order it ' +
        'happens to start). Type-only imports count too: a cycle of types still knots the files together and ' +
        'is the first step towards a runtime one. Break it by moving the shared piece down (kernel, a ports.ts, ' +
        'shared/domain) or by passing a port in instead of importing the service.',
      from: { path: '^(electron|shared|renderer)/' },
      to: { circular: true },
    },
    {
      name: 'feature-internals',
      severity: 'error',
      comment:
        'A feature (electron/core/<feature>/) may use another feature only through that feature\'s index.ts ' +
        'or ports.ts; everything else in a feature folder is its private business and may change without ' +
        'notice (createCore.ts, the composition, is off limits too). Anyone may import kernel/. If you need ' +
        'something from another feature\'s internals, that feature should export it from its index.ts (or ' +
        'declare the port in its ports.ts).',
      from: { path: '^electron/core/((?!kernel/)[^/]+)/' },
      to: { path: CORE, pathNot: ['^electron/core/$1/', KERNEL, FEATURE_DOOR] },
    },
    {
      name: 'feature-internals-from-outside-core',
      severity: 'error',
      comment:
        'Outside electron/core/<feature>/ (createCore.ts, electron/host, the hosts, the preload) a feature is ' +
        'used only through its index.ts (create<Feature>() and what it exports) and its ports.ts, the same ' +
        'door other features use, so the feature folder can be reorganised freely. (Adapters have their own, ' +
        'stricter rule below.)',
      from: { path: '^electron/', pathNot: ['^electron/core/[^/]+/', '^electron/adapters/'] },
      to: { path: IN_A_FEATURE, pathNot: FEATURE_DOOR },
    },
    {
      name: 'kernel-imports-no-feature',
      severity: 'error',
      comment:
        'electron/core/kernel/ (dispatcher, caller, event hub, platform ports, clock) is what every feature ' +
        'stands on; it imports nothing else from electron/core (no feature, not createCore), or every feature ' +
        'would depend on every other one through it.',
      from: { path: KERNEL },
      to: { path: CORE, pathNot: KERNEL },
    },
    {
      name: 'adapters-no-core-services',
      severity: 'error',
      comment:
        'An adapter implements a port; it may import the kernel and the port types a feature declares in its ' +
        'ports.ts, never a core service, handler or createCore. Otherwise the adapter and the service it ' +
        'serves depend on each other and neither can be tested with a fake of the other.',
      from: { path: '^electron/adapters/' },
      to: { path: CORE, pathNot: [KERNEL, '^electron/core/[^/]+/ports\\.ts$'] },
    },
    {
      name: 'core-no-adapters-or-hosts',
      severity: 'error',
      comment:
        'electron/core composes domain logic over ports; the concrete adapters are passed in by a host. So ' +
        'core imports no adapter, no host (electron/host, electron/main, electron/web-host), no preload and ' +
        'no renderer.',
      from: { path: CORE },
      to: { path: '^(electron/(adapters|host|main|web-host|preload)|renderer)/' },
    },
    {
      name: 'core-no-io-libraries',
      severity: 'error',
      comment:
        'electron/core does no I/O itself: SIP (sip.js), the database (sql.js, pg), sockets (ws) and settings ' +
        'files (conf) live in electron/adapters behind ports, so core runs under both hosts and in unit tests ' +
        'with fakes.',
      from: { path: CORE },
      to: { path: packages('sip.js', 'sql.js', 'ws', 'conf', 'pg') },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment:
        'shared/ (contract, domain) runs on both sides of the process boundary: in the renderer and in the ' +
        'main process. It imports only shared/ and zod: no electron/, no renderer/, no Node built-ins, no other ' +
        'package.',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', packages('zod')] },
    },
    {
      name: 'renderer-imports-only-shared-and-renderer',
      severity: 'error',
      comment:
        'The renderer runs in a sandboxed page (or a plain browser tab under the web host): it reaches the ' +
        'core only through the contract client, so it imports only shared/ and renderer/ among our folders.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['local'], pathNot: ['^renderer/', '^shared/'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment:
        'The renderer runs in a sandboxed page without Node: no built-ins (node:*). renderer/vite.config.ts is ' +
        'build configuration and runs in Node, so it is exempt.',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-packages',
      severity: 'error',
      comment:
        'The renderer has no Node, so no Node-only package either: no Electron, electron-store, database ' +
        '(sql.js), socket server (ws) or settings file (conf). It reaches all of that through the contract.',
      from: { path: '^renderer/' },
      to: { path: packages('electron', 'electron-store', 'sql.js', 'ws', 'conf') },
    },
    {
      name: 'electron-only-in-main-and-preload',
      severity: 'error',
      comment:
        'Only electron/main (the shell) and electron/preload import electron or electron-store. Everything ' +
        'else must also run under the plain-Node web host and in unit tests, where Electron is absent.',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: packages('electron', 'electron-store') },
    },
    {
      name: 'preload-is-a-thin-proxy',
      severity: 'error',
      comment:
        'The preload is a thin proxy of the contract (shared/contract) over contextBridge, running sandboxed: ' +
        'no core, adapters, hosts or renderer, and no Node built-ins (a sandboxed preload has none).',
      from: { path: '^electron/preload/' },
      to: { path: '^(electron/(core|adapters|host|main|web-host)|renderer)/' },
    },
    {
      name: 'preload-no-node',
      severity: 'error',
      comment: 'A sandboxed preload has no Node built-ins; it gets only electron\'s contextBridge and ipcRenderer.',
      from: { path: '^electron/preload/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-renderer-or-shell-below-the-hosts',
      severity: 'error',
      comment:
        'Core, adapters, the shared host code and the web host run without Electron and without the ' +
        'renderer: they import no renderer/, electron/main or electron/preload.',
      from: { path: '^electron/(core|adapters|host|web-host)/' },
      to: { path: '^(renderer|electron/(main|preload))/' },
    },
    {
      name: 'host-only-for-hosts',
      severity: 'error',
      comment:
        'electron/host holds what the two hosts share (options, openHostCore, the WebSocket binding); only ' +
        'the hosts, electron/main and electron/web-host, use it.',
      from: { pathNot: '^electron/(host|main|web-host)/' },
      to: { path: '^electron/host/' },
    },
    {
      name: 'host-imports-no-entry',
      severity: 'error',
      comment:
        'electron/host is below both hosts: it imports neither electron/main nor electron/web-host (what they ' +
        'share moves down into electron/host instead).',
      from: { path: '^electron/host/' },
      to: { path: '^electron/(main|web-host)/' },
    },
    {
      name: 'main-imports-no-web-host',
      severity: 'error',
      comment:
        'electron/web-host is the Node entry only; the Electron shell takes what both hosts need from ' +
        'electron/host, never from the other entry.',
      from: { path: '^electron/main/' },
      to: { path: '^electron/web-host/' },
    },
    {
      name: 'no-tests-in-product-code',
      severity: 'error',
      comment: 'Product code never imports tests/ (fixtures, fakes, harnesses): they are not shipped.',
      from: { path: '^(electron|shared|renderer)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment:
        'A file that imports nothing and that nothing imports is dead: a leftover of a move or a file ' +
        'that was never wired in. Delete it or import it where it belongs. (Type declaration files are exempt.)',
      from: { orphan: true, pathNot: '\\.d\\.m?ts$' },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import cannot be resolved to a file on disk (a typo, a moved file, a package that is not ' +
        'installed). The rules above cannot judge what they cannot see, so this fails too.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports (`import type`) are dependencies too: they count for cycles and layers.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)\\.out/' },
    // Package exports maps (zod, sip.js, react-dom/client) as the bundler and TypeScript see them.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
