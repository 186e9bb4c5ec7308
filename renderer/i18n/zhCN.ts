// 简体中文界面文字；键与 en.ts 完全一致。
import type { Messages } from './en';

export const zhCN: Messages = {
  app: {
    title: 'Deskline 坐席工作台',
    connecting: '正在连接 Deskline 服务…',
    disconnected: '与 Deskline 服务的连接已断开，正在重新连接…',
    hostKind: { electron: '桌面版', web: '网页版' },
  },
  agentState: {
    label: '坐席状态',
    timeInState: '当前状态时长',
    offline: '离线',
    ready: '就绪',
    notReady: {
      break: '未就绪 — 休息',
      lunch: '未就绪 — 午餐',
      training: '未就绪 — 培训',
      meeting: '未就绪 — 会议',
      missed: '未就绪 — 未接来电',
    },
    changeFailed: '无法更改坐席状态：{{message}}',
  },
  dataStore: {
    startupReport: '数据库启动报告',
    recovered: '数据库在启动时进行了恢复（重放了 {{count}} 条已保存的更改）。发现的问题及处理：',
    notice: '数据库通知',
    dismiss: '关闭',
    backups: '备份',
    backUpNow: '立即备份',
    backupMade: '已写入备份 {{file}}（{{size}}）。',
    noBackups: '还没有备份。',
    backupList: '备份文件',
    restore: '恢复',
    restoreFile: '恢复 {{file}}',
    confirmRestore: '在 Deskline 下次启动时恢复 {{file}}？当前数据会另行保留，不会删除。',
  },
};
