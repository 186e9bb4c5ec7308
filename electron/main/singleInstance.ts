// What the shell does about other copies of itself on the same data folder. Electron's
// app.requestSingleInstanceLock() (docs/api/app.md) returns false when "another instance of your
// application is already running with the lock" (and the caller "should immediately quit as it
// has sent its parameters to another instance"); that instance then receives 'second-instance'.
// The lock lives in the userData folder (Chromium's ProcessSingleton on DIR_USER_DATA), which
// index.ts points at the data folder before asking, so it is one desk per data folder.
// Pure, tested without Electron.

/**
 * One line for stderr, then quit. Electron also answers false when the lock cannot be created
 * at all (ProcessSingleton LOCK_ERROR), so the line names both causes.
 */
export function lockRefusedMessage(dataDir: string): string {
  return `Deskline is already running for the data folder ${dataDir} (or its single-instance lock cannot be taken there); bringing that window forward and exiting.`;
}

/** What we know of the main window when 'second-instance' arrives. */
export type MainWindowState = { readonly exists: false } | { readonly exists: true; readonly minimized: boolean; readonly visible: boolean };

export type WindowStep = 'open' | 'restore' | 'show' | 'focus';

/**
 * Steps that bring the one window forward. The second instance's argv, working directory and
 * additionalData are deliberately ignored: they must not change the role, data folder or any other
 * option of the running desk (anyone able to start a process could otherwise pass `--role`).
 * No window yet (still starting) or none any more (macOS keeps running with every window closed):
 * open one once the shell is ready. A window still hidden before its first paint is shown.
 */
export function secondInstanceSteps(window: MainWindowState): WindowStep[] {
  if (!window.exists) return ['open'];
  const steps: WindowStep[] = [];
  if (window.minimized) steps.push('restore');
  if (!window.visible) steps.push('show');
  steps.push('focus');
  return steps;
}
