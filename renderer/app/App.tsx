// The workstation shell: header with the agent's state, then the feature panels.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract/appInfo';
import type { ConnectionState } from '../api/client';
import { useClient } from '../api/ClientContext';
import { AgentStateControl } from '../features/agentState/AgentStateControl';
import { AuditLogPanel } from '../features/audit/AuditLogPanel';
import { CallSearchPanel } from '../features/callSearch/CallSearchPanel';
import { ClockSettingsPanel } from '../features/callClocks/ClockSettingsPanel';
import { WorkingCalendarPanel } from '../features/workingCalendar/WorkingCalendarPanel';
import { CustomerPanel } from '../features/customers/CustomerPanel';
import { BackupPanel } from '../features/dataStore/BackupPanel';
import { StoreStatusBanner } from '../features/dataStore/StoreStatusBanner';
import { RetentionPanel } from '../features/retention/RetentionPanel';
import { SoftphonePanel } from '../features/softphone/SoftphonePanel';
import { WindowRestartNotice } from '../features/shellNotices/WindowRestartNotice';

export function App({ appInfo }: { appInfo: AppInfo }) {
  const { t } = useTranslation();
  const client = useClient();
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  useEffect(() => client.onConnectionChange(setConnection), [client]);

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">{t('app.title')}</h1>
        <span className="app__host">{t(`app.hostKind.${appInfo.host}`)}</span>
        <AgentStateControl />
      </header>
      {connection === 'closed' && (
        <p role="status" className="app__banner">
          {t('app.disconnected')}
        </p>
      )}
      <StoreStatusBanner />
      <WindowRestartNotice />
      <main className="app__main">
        {appInfo.role === 'agent' && <SoftphonePanel />}
        <CustomerPanel role={appInfo.role} />
        <ClockSettingsPanel role={appInfo.role} />
        <WorkingCalendarPanel role={appInfo.role} />
        <BackupPanel role={appInfo.role} />
        <CallSearchPanel role={appInfo.role} />
        <AuditLogPanel role={appInfo.role} />
        <RetentionPanel role={appInfo.role} />
      </main>
    </div>
  );
}
