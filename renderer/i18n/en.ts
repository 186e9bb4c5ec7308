// English UI strings. The zh-CN file must have exactly these keys (the type checker enforces it).
export const en = {
  app: {
    title: 'Deskline',
    connecting: 'Connecting to the Deskline host…',
    disconnected: 'Disconnected from the Deskline host. Reconnecting…',
    hostKind: { electron: 'Desktop', web: 'Web host' },
  },
  agentState: {
    label: 'Agent state',
    timeInState: 'Time in state',
    offline: 'Offline',
    ready: 'Ready',
    notReady: {
      break: 'Not ready — Break',
      lunch: 'Not ready — Lunch',
      training: 'Not ready — Training',
      meeting: 'Not ready — Meeting',
      missed: 'Not ready — Missed',
    },
    changeFailed: 'Could not change the agent state: {{message}}',
  },
  dataStore: {
    startupReport: 'Database start-up report',
    recovered: 'The database was recovered at start-up ({{count}} saved changes replayed). What was found and done:',
    notice: 'Database notice',
    dismiss: 'Dismiss',
    backups: 'Backups',
    backUpNow: 'Back up now',
    backupMade: 'Backup {{file}} written ({{size}}).',
    noBackups: 'No backups yet.',
    backupList: 'Backup files',
    restore: 'Restore',
    restoreFile: 'Restore {{file}}',
    confirmRestore: 'Restore {{file}} when Deskline next starts? The current data will be kept aside, not deleted.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
