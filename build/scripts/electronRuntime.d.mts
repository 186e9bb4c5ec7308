// Types for electronRuntime.mjs, so TypeScript tests can import it.
export declare const mirrorExample: string;
export declare const downloadCommand: string;
export type ElectronRuntime = { status: 'ready'; binary: string } | { status: 'no-package' } | { status: 'no-binary' };
export declare function locateElectron(fromFile: string): ElectronRuntime;
export declare function webHostFallbackLine(status: 'no-package' | 'no-binary'): string;
export declare function downloadFailedLine(reason: unknown): string;
